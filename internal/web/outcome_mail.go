package web

import (
	"context"

	"ketnoi/internal/i18n"
	"ketnoi/internal/mail"
	"ketnoi/internal/outcome"
)

// Mails about a report: to the partner when it is reported, to the
// reporter when the partner confirms or disputes it.
const (
	mailOutcomeReported  = "reported"
	mailOutcomeConfirmed = "confirmed"
	mailOutcomeDisputed  = "disputed"
)

// mailOutcome tells the members of the organization concerned, each in
// their language: the partner, asked to confirm a new report; the
// reporter, of the partner's answer. The person who acted gets none. A
// mail that cannot be sent is logged: the change stands, and shows on the
// organization's outcomes page anyway.
func (o *outcomeWeb) mailOutcome(ctx context.Context, id int64, kind string, actor *viewer) {
	v, err := o.s.db.Outcome(ctx, id)
	if err != nil {
		o.s.log.Warn("outcome mail: report not read", "outcome", id, "err", err)
		return
	}
	to, from := v.Partner, v.ReporterOrg
	if kind != mailOutcomeReported {
		to, from = v.Reporter, v.PartnerOrg
	}
	people, err := o.s.db.OrgMembers(ctx, to)
	if err != nil {
		o.s.log.Warn("outcome mail: members not read", "org", to, "err", err)
		return
	}
	for _, person := range people {
		if actor.person != nil && person.ID == actor.person.ID {
			continue
		}
		p := Page{Lang: person.Lang, cat: o.s.cat}
		if _, ok := i18n.Parse(string(p.Lang)); !ok {
			p.Lang = i18n.VI
		}
		by, what := from.Name.In(p.Lang), kindLabel(p, v.Kind)
		value := "–"
		if v.Value > 0 {
			value = p.VND(v.Value)
		}
		note := v.Note
		if kind == mailOutcomeDisputed {
			note = v.Answer
		}
		if note == "" {
			note = "–"
		}
		msg := mail.Message{To: []string{person.Email}, Subject: p.T("mail.outcome."+kind+".subject", by, what),
			Text: p.T("mail.outcome."+kind+".body", person.Name, by, what, value, note)}
		if err := o.s.mail.Send(ctx, msg); err != nil {
			o.s.log.Warn("outcome mail not sent", "outcome", v.ID, "to", person.Email, "err", err)
		}
	}
}

// kindLabel names a kind in the page's language.
func kindLabel(p Page, k outcome.Kind) string { return p.T("outcome.kind." + string(k)) }
