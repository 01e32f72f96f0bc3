package web

import (
	"context"

	"ketnoi/internal/i18n"
	"ketnoi/internal/mail"
	"ketnoi/internal/outcome"
)

// mailReported asks the partner organization's members, each in their
// language, to confirm a report; the person who reported gets none. A
// mail that cannot be sent is logged: the report stands, and waits on the
// partner's outcomes page anyway.
func (o *outcomeWeb) mailReported(ctx context.Context, id int64, actor *viewer) {
	v, err := o.s.db.Outcome(ctx, id)
	if err != nil {
		o.s.log.Warn("outcome mail: report not read", "outcome", id, "err", err)
		return
	}
	people, err := o.s.db.OrgMembers(ctx, v.Partner)
	if err != nil {
		o.s.log.Warn("outcome mail: members not read", "org", v.Partner, "err", err)
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
		by, kind := v.ReporterOrg.Name.In(p.Lang), kindLabel(p, v.Kind)
		value := "–"
		if v.Value > 0 {
			value = p.VND(v.Value)
		}
		note := v.Note
		if note == "" {
			note = "–"
		}
		msg := mail.Message{To: []string{person.Email}, Subject: p.T("mail.outcome.reported.subject", by, kind),
			Text: p.T("mail.outcome.reported.body", person.Name, by, kind, value, note)}
		if err := o.s.mail.Send(ctx, msg); err != nil {
			o.s.log.Warn("outcome mail not sent", "outcome", v.ID, "to", person.Email, "err", err)
		}
	}
}

// kindLabel names a kind in the page's language.
func kindLabel(p Page, k outcome.Kind) string { return p.T("outcome.kind." + string(k)) }
