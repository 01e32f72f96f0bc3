package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"ketnoi/internal/apperr"
	"ketnoi/internal/i18n"
	"ketnoi/internal/org"
)

// NewOrgPage is the form that creates an organization.
type NewOrgPage struct {
	Page
	Org       org.Organization
	Next      string // where to return once created; empty: the new profile
	Houses    []HouseKinds
	Countries []Option
	Sectors   []string
	Fields    map[string]string
	Message   string
}

// HouseKinds is one house of the ecosystem with the kinds of organization
// in it, so that the form asks "which house" in the words people use while
// storing the kind, from which the house is derived.
type HouseKinds struct {
	House org.House
	Kinds []org.Kind
}

// createdParam marks the address a new organization returns to, so that
// the page there confirms it (see Page.Flash).
const createdParam = "created"

func (s *Server) newOrgPage(r *http.Request, o org.Organization) NewOrgPage {
	p := NewOrgPage{Page: s.page(r, ""), Org: o, Next: formNext(r.FormValue("next"))}
	p.Sectors = p.sectorsByName()
	p.Title = p.T("org.new.title")
	p.Houses = houseKinds()
	p.Countries = countryOptions(p.Page, o.Country)
	return p
}

// formNext keeps a return address only if it stays on this site.
func formNext(next string) string {
	if next == "" || safeNext(next) != next {
		return ""
	}
	return next
}

// houseKinds groups org.Kinds by house: state, academia, enterprise.
func houseKinds() []HouseKinds {
	out := []HouseKinds{{House: org.State}, {House: org.Academia}, {House: org.EnterpriseHouse}}
	for _, k := range org.Kinds {
		for i := range out {
			if out[i].House == k.House() {
				out[i].Kinds = append(out[i].Kinds, k)
			}
		}
	}
	return out
}

// countryOptions are the countries the catalogue names (the list the
// directory and the marketplace show), by name in the reader's language.
func countryOptions(p Page, selected string) []Option {
	var codes []string
	for _, k := range p.cat.Keys(p.Lang) {
		if code, ok := strings.CutPrefix(k, "country."); ok {
			codes = append(codes, code)
		}
	}
	return p.sortOptions(options(codes, selected, p.Country))
}

func (s *Server) handleNewOrg(w http.ResponseWriter, r *http.Request) error {
	p := s.newOrgPage(r, org.Organization{Kind: org.Enterprise, Country: "VN"})
	return s.render(w, http.StatusOK, "org_new", p)
}

// readOrgForm fills a new organization from the posted form; the website
// is normalised here, and reported false when it is not a web address.
func readOrgForm(r *http.Request) (org.Organization, bool) {
	f := r.PostFormValue
	o := org.Organization{Kind: org.Kind(f("kind")), Country: f("country"), Sectors: r.PostForm["sectors"]}
	o.Name = i18n.Text{VI: f("name_vi"), EN: f("name_en"), KO: f("name_ko")}
	o.Description = org.TrimText(i18n.Text{VI: f("desc_vi"), EN: f("desc_en"), KO: f("desc_ko")})
	website, ok := org.Website(f("website"))
	o.Website = website
	if !ok {
		o.Website = strings.TrimSpace(f("website")) // shown again as typed
	}
	return o, ok
}

// checkNewOrg validates a new organization as the API does, adding what
// only the form checks (the website's form).
func checkNewOrg(o *org.Organization, websiteOK bool) error {
	err := validateOrg(o)
	var e *apperr.Error
	if err != nil && (!errors.As(err, &e) || e.Code != apperr.Invalid) {
		return err
	}
	f := apperr.Fields{}
	if e != nil {
		f = e.Fields
	}
	if !websiteOK {
		f.Add("website", "must be a web address such as https://example.vn")
	}
	return f.Err()
}

func (s *Server) handleCreateOrg(w http.ResponseWriter, r *http.Request) error {
	o, websiteOK := readOrgForm(r)
	err := checkNewOrg(&o, websiteOK)
	if err == nil {
		err = s.db.CreateOrganizationWithAdmin(r.Context(), &o, viewerOf(r).person.ID)
	}
	var e *apperr.Error
	if errors.As(err, &e) && e.Code == apperr.Invalid {
		p := s.newOrgPage(r, o)
		p.Fields = translateFields(p.Page, e.Fields)
		p.Message = p.T("form.fix")
		return s.render(w, http.StatusUnprocessableEntity, "org_new", p)
	}
	if err != nil {
		return fmt.Errorf("create organization for person %d: %w", viewerOf(r).person.ID, err)
	}
	http.Redirect(w, r, createdTarget(formNext(r.PostFormValue("next")), o.ID), http.StatusSeeOther)
	return nil
}

// createdTarget is where a new organization's creator goes: back to the
// page that sent them (a meeting request, an application), else to the
// organization's profile; either confirms the creation.
func createdTarget(next string, orgID int64) string {
	target := "/market/orgs/" + itoa(orgID)
	if next != "" {
		target = next
	}
	u, err := url.Parse(target)
	if err != nil {
		u = &url.URL{Path: "/market/orgs/" + itoa(orgID)}
	}
	q := u.Query()
	q.Set(createdParam, "org")
	u.RawQuery = q.Encode()
	return u.String()
}
