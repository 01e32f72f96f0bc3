package web

import (
	"ketnoi/internal/checkin"
	"ketnoi/internal/store"
)

// The check-in feature's rows of the OpenAPI document.
func init() {
	for k, v := range map[string]apiDoc{
		"POST /api/v1/events/{event}/scans": {summary: "Record one scan or a batch ({\"scans\": [...]}, at most 500). Each scan has a client-made UUID id and is stored once however often it is sent; " +
			"the answer per scan is accepted (result accepted, or conflict / forced for offline scans that broke a rule), duplicate (the id was stored before) or rejected with the reason. " +
			"Gate staff and organizers post kinds checkin and checkout; members of an exhibitor post kind lead with exhibitor, rating and note. " +
			"A badge that will not scan is entered by hand at a gate (kinds checkin and checkout, never offline): instead of token, code holds a typed registration code (1042-K7QX9M) or badge number (#1042-3), " +
			"or registration the id a search found (GET .../scanner/search); such a scan is decided and stored as a scan of that registration's current badge (reason unknown_code when the code is not one of this event's).",
			in: checkin.Scan{}, out: checkin.Outcome{}},
		"GET /api/v1/events/{event}/scanner/search": {summary: "Gate staff and organizers find a registration whose badge will not scan, by name, email, phone or organization (case and Vietnamese diacritics folded); at most 20 matches with the total; " +
			"q of 2 to 200 characters, else 422; at most 30 searches a minute per person, else 429. Pick one by posting a scan with its registration_id as registration.", out: ScannerMatches{}, query: []string{"q"}},
		"GET /api/v1/events/{event}/scanner":                               {summary: "What an offline scanner needs: public badge keys, lists, gates, revoked badges, the exhibitors the person may scan leads for", out: ScannerConfig{}},
		"GET /api/v1/events/{event}/checkin/stats":                         {summary: "A day's check-in figures: arrivals per quarter hour, per gate, hall and category, inside now per list, conflicts, forced", out: checkin.Stats{}, query: []string{"day"}},
		"GET /api/v1/events/{event}/checkin/lists":                         {summary: "The event's check-in lists", out: checkin.List{}, list: true},
		"POST /api/v1/events/{event}/checkin/lists":                        {summary: "Add a check-in list (categories, days, rule once / daily / reentry, room capacity)", in: checkin.List{}, out: checkin.List{}},
		"POST /api/v1/events/{event}/checkin/gates":                        {summary: "Add a gate (scanning point) on a list", in: checkin.Gate{}, out: checkin.Gate{}},
		"POST /api/v1/events/{event}/checkin/staff":                        {summary: "Make a person scanner staff of the event", in: StaffInput{}},
		"POST /api/v1/events/{event}/registrations":                        {summary: "Register for an event (public): category visitor, delegate or press; interests are taxonomy sector codes; consent_contact lets exhibitors who scan the badge see email and phone. The badge is mailed. A category's quota is never oversold.", in: RegistrationInput{}, out: checkin.Registrant{}},
		"GET /api/v1/events/{event}/exhibitors/{exhibitor}/leads":          {summary: "The exhibitor's leads (its members only) with a count per day; email and phone only where the visitor consented", out: LeadList{}},
		"PATCH /api/v1/events/{event}/exhibitors/{exhibitor}/leads/{lead}": {summary: "Rate a lead (0 to 5) and write a note", in: LeadInput{}},
		"GET /api/v1/events/{event}/registrations":                         {summary: "Search registrations (organizers) by name, email, phone or organization (case and Vietnamese diacritics folded)", out: checkin.Registrant{}, list: true, query: []string{"q", "category", "status"}},
		"POST /api/v1/events/{event}/registrations/import":                 {summary: "Import delegates from a CSV (text/csv) or XLSX body with columns name, email, organization, job_title, category, phone, consent, interests, days: all or nothing; 422 with every problem by row (Accept: text/csv for a downloadable report); the same file again changes nothing", out: store.RegistrationImport{}},
		"GET /api/v1/events/{event}/registrations/{registration}":          {summary: "Read a registration (organizers)", out: checkin.Registrant{}},
		"PATCH /api/v1/events/{event}/registrations/{registration}":        {summary: "Edit a registration (organizers); a new category takes a seat of its quota", in: RegistrationPatch{}, out: checkin.Registrant{}},
		"POST /api/v1/events/{event}/registrations/{registration}/cancel":  {summary: "Cancel a registration: every badge of it stops working, its seat is freed", out: checkin.Registrant{}},
		"POST /api/v1/events/{event}/registrations/{registration}/reissue": {summary: "Re-issue the badge: the old one is revoked (at once online, at offline scanners after their next sync)", out: checkin.Registrant{}},
		"POST /api/v1/events/{event}/anonymize":                            {summary: "Anonymise the event's registrations (kept: categories, scans, counts; gone: names, emails, phones, organizations, lead notes); dry_run reports what would change", in: AnonymizeInput{}, out: store.AnonymizeReport{}},
		"POST /api/v1/events/{event}/exports":                              {summary: "Start a background export (kind registrations, CSV); answers 202 with the job and its download link", in: ExportInput{}, out: store.ExportJob{}},
		"GET /api/v1/events/{event}/exports/{export}":                      {summary: "An export's status and progress (done of total); the download link once done", out: store.ExportJob{}},
		"POST /api/v1/events/{event}/badge-keys":                           {summary: "Rotate the badge signing key; earlier keys keep verifying until retired", out: map[string]any{}},
	} {
		apiDocs[k] = v
	}
}
