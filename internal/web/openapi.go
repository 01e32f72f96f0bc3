package web

import (
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"time"

	"ketnoi/internal/account"
	"ketnoi/internal/event"
	"ketnoi/internal/org"
)

// apiDoc says, for each API route, what it does and what it reads and
// writes. The OpenAPI document is built from the routes table and these,
// so it cannot drift from the routes; a test checks every route has one.
type apiDoc struct {
	summary string
	in      any // request body type, nil when none
	out     any // response body type, nil for 204
	list    bool
	query   []string
	// notes, when set, is the operation's description: rules a client
	// cannot read from the schema.
	notes string
}

// sessionRules is what POST and PATCH of a forum session refuse.
const sessionRules = "A session must start and end on one of the event's days, in the venue's time zone (else 422 with errors.starts_at or errors.ends_at), " +
	"and must not overlap another session in its room; one ending when the other starts does not overlap (else 409 with errors.room_id naming the session in the way). " +
	"A refused request writes nothing."

// trackNotes says how a session's track and its names read.
const trackNotes = "track is the track's key, as sessions are written and filtered; track_name names it in vi, en and ko from the event's tracks, or holds the key as its English name."

var apiDocs = map[string]apiDoc{
	"GET /api/v1/openapi.json":                                    {summary: "This document", out: map[string]any{}},
	"POST /api/v1/auth/login":                                     {summary: "Sign in; returns a bearer token", in: struct{ Email, Password string }{}, out: struct{ Token, TokenType, ExpiresAt string }{}},
	"POST /api/v1/auth/logout":                                    {summary: "End the current session"},
	"POST /api/v1/people":                                         {summary: "Create an account", in: account.SignUp{}, out: account.Person{}},
	"GET /api/v1/me":                                              {summary: "The signed-in person, memberships and organized events", out: map[string]any{}},
	"GET /api/v1/events":                                          {summary: "List events", out: event.Event{}, list: true},
	"POST /api/v1/events":                                         {summary: "Create an event (platform admin)", in: EventInput{}, out: event.Event{}},
	"GET /api/v1/events/{event}":                                  {summary: "Read an event", out: event.Event{}},
	"PATCH /api/v1/events/{event}":                                {summary: "Update an event (fields given replace)", in: EventInput{}, out: event.Event{}},
	"GET /api/v1/events/{event}/stats":                            {summary: "An event's figures (organizers)", out: event.Stats{}},
	"GET /api/v1/events/{event}/halls":                            {summary: "List an event's halls", out: event.Hall{}, list: true},
	"POST /api/v1/events/{event}/halls":                           {summary: "Add a hall", in: HallInput{}, out: event.Hall{}},
	"GET /api/v1/events/{event}/halls/{hall}":                     {summary: "Read a hall", out: event.Hall{}},
	"GET /api/v1/events/{event}/booths":                           {summary: "List booths", out: event.Booth{}, list: true, query: []string{"hall_id", "status", "type"}},
	"POST /api/v1/events/{event}/booths":                          {summary: "Add a booth", in: BoothInput{}, out: event.Booth{}},
	"GET /api/v1/events/{event}/booths/{booth}":                   {summary: "Read a booth", out: event.Booth{}},
	"PATCH /api/v1/events/{event}/booths/{booth}":                 {summary: "Update a booth", in: BoothInput{}, out: event.Booth{}},
	"GET /api/v1/events/{event}/exhibitors":                       {summary: "The exhibitor directory", out: event.ExhibitorView{}, list: true, query: []string{"hall", "country", "sector", "status"}},
	"POST /api/v1/events/{event}/exhibitors":                      {summary: "Add an exhibitor (organizers)", in: ExhibitorInput{}, out: event.ExhibitorView{}},
	"GET /api/v1/events/{event}/exhibitors/{exhibitor}":           {summary: "An exhibitor's public profile", out: event.ExhibitorView{}},
	"PATCH /api/v1/events/{event}/exhibitors/{exhibitor}":         {summary: "Set status, pavilion, quota, notes (organizers)", in: ExhibitorInput{}, out: event.ExhibitorView{}},
	"GET /api/v1/events/{event}/exhibitors/{exhibitor}/private":   {summary: "An exhibitor with private fields (its members, organizers)", out: event.ExhibitorView{}},
	"PATCH /api/v1/events/{event}/exhibitors/{exhibitor}/profile": {summary: "Update the exhibitor's company profile (its admins, organizers)", in: OrgInput{}, out: org.Organization{}},
	"GET /api/v1/events/{event}/sessions":                         {summary: "The forum programme", out: event.Session{}, list: true, query: []string{"track", "room_id"}, notes: trackNotes},
	"GET /api/v1/events/{event}/tracks":                           {summary: "The forum's tracks named in three languages", out: event.Track{}, list: true},
	"POST /api/v1/events/{event}/sessions":                        {summary: "Add a forum session", in: SessionInput{}, out: event.Session{}, notes: sessionRules},
	"GET /api/v1/events/{event}/sessions/{session}":               {summary: "Read a forum session", out: event.Session{}},
	"PATCH /api/v1/events/{event}/sessions/{session}":             {summary: "Update a forum session", in: SessionInput{}, out: event.Session{}, notes: sessionRules},
	"GET /api/v1/organizations":                                   {summary: "List organizations", out: org.Organization{}, list: true, query: []string{"kind", "country", "sector"}},
	"POST /api/v1/organizations":                                  {summary: "Create an organization; you become its admin", in: OrgInput{}, out: org.Organization{}},
	"GET /api/v1/organizations/{org}":                             {summary: "Read an organization (contact only for members)", out: org.Organization{}},
	"PATCH /api/v1/organizations/{org}":                           {summary: "Update an organization (its admins)", in: OrgInput{}, out: org.Organization{}},
}

var pathParam = regexp.MustCompile(`\{([a-z]+)\}`)

// openAPI builds the OpenAPI 3.1 document of the API routes.
func (s *Server) openAPI() map[string]any {
	paths := map[string]map[string]any{}
	for _, rt := range s.routes {
		method, path, _ := strings.Cut(rt.pattern, " ")
		if !strings.HasPrefix(path, "/api/") {
			continue
		}
		doc := apiDocs[rt.pattern]
		if paths[path] == nil {
			paths[path] = map[string]any{}
		}
		paths[path][strings.ToLower(method)] = operation(rt, doc, path)
	}
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{"title": "ketnoi API", "version": s.cfg.Version,
			"description": "Events, halls, booths, exhibitors, organizations and forum sessions. Errors are RFC 9457 application/problem+json with an `errors` object of field messages."},
		"servers": []map[string]any{{"url": "/"}},
		"paths":   paths,
		"components": map[string]any{
			"securitySchemes": map[string]any{
				"bearer":  map[string]any{"type": "http", "scheme": "bearer"},
				"session": map[string]any{"type": "apiKey", "in": "cookie", "name": sessionCookie},
			},
			"schemas": map[string]any{"Problem": schemaOf(reflect.TypeOf(problem{}))},
		},
	}
}

func operation(rt route, doc apiDoc, path string) map[string]any {
	op := map[string]any{"summary": doc.summary, "x-policy": string(rt.policy)}
	var params []map[string]any
	for _, m := range pathParam.FindAllStringSubmatch(path, -1) {
		params = append(params, map[string]any{"name": m[1], "in": "path", "required": true, "schema": map[string]any{"type": "integer"}})
	}
	if doc.list {
		for _, q := range []string{"offset", "limit"} {
			params = append(params, map[string]any{"name": q, "in": "query", "schema": map[string]any{"type": "integer"}})
		}
	}
	for _, q := range doc.query {
		params = append(params, map[string]any{"name": q, "in": "query", "schema": map[string]any{"type": "string"}})
	}
	if params != nil {
		op["parameters"] = params
	}
	if doc.notes != "" {
		op["description"] = doc.notes
	}
	if rt.policy != public {
		op["security"] = []map[string]any{{"bearer": []string{}}, {"session": []string{}}}
	}
	if doc.in != nil {
		op["requestBody"] = map[string]any{"required": true, "content": map[string]any{"application/json": map[string]any{"schema": schemaOf(reflect.TypeOf(doc.in))}}}
	}
	problemRef := map[string]any{"application/problem+json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Problem"}}}
	responses := map[string]any{"default": map[string]any{"description": "An error", "content": problemRef}}
	ok := "200"
	if methodOf(rt.pattern) == "POST" && doc.out != nil && rt.pattern != "POST /api/v1/auth/login" {
		ok = "201"
	}
	if doc.out == nil {
		responses["204"] = map[string]any{"description": "Done"}
	} else {
		sch := schemaOf(reflect.TypeOf(doc.out))
		if doc.list {
			sch = map[string]any{"type": "object", "properties": map[string]any{
				"items": map[string]any{"type": "array", "items": sch}, "total": map[string]any{"type": "integer"},
				"offset": map[string]any{"type": "integer"}, "limit": map[string]any{"type": "integer"}}}
		}
		responses[ok] = map[string]any{"description": "OK", "content": map[string]any{"application/json": map[string]any{"schema": sch}}}
	}
	op["responses"] = responses
	return op
}

var timeType = reflect.TypeOf(time.Time{})

// schemaOf describes a Go type as JSON Schema, reading json tags.
func schemaOf(t reflect.Type) map[string]any {
	if t == timeType {
		return map[string]any{"type": "string", "format": "date-time"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return schemaOf(t.Elem())
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int64, reflect.Int32:
		return map[string]any{"type": "integer"}
	case reflect.Float64, reflect.Float32:
		return map[string]any{"type": "number"}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": schemaOf(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object"}
	case reflect.Struct:
		props := map[string]any{}
		addFields(t, props)
		return map[string]any{"type": "object", "properties": props}
	}
	return map[string]any{}
}

func addFields(t reflect.Type, props map[string]any) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		if f.Anonymous && name == "" {
			addFields(f.Type, props)
			continue
		}
		if name == "" {
			name = snake(f.Name)
		}
		props[name] = schemaOf(f.Type)
	}
}

func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) error {
	return writeJSON(w, http.StatusOK, s.openAPI())
}
