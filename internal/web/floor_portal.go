package web

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // logos may be uploaded as GIF
	_ "image/jpeg"
	"image/png"
	"net/http"
	"net/mail"
	"net/url"
	"strconv"
	"strings"

	"ketnoi/internal/apperr"
	"ketnoi/internal/exhibit"
	"ketnoi/internal/i18n"
	kmail "ketnoi/internal/mail"
	"ketnoi/internal/outbox"
	"ketnoi/internal/store"
)

// CataloguePage is the exhibitor portal's second page: logo, products,
// staff invitations and the booth on the plan.
type CataloguePage struct {
	PortalPage
	HasLogo     bool
	Products    []exhibit.Product
	Invitations []store.StaffInvitation
	Plan        *PlanView
	Categories  []string
	Done        string
	// Posted is the refused form's input, shown again in it.
	Posted url.Values
}

func (s *Server) cataloguePage(r *http.Request) (CataloguePage, error) {
	pp, err := s.portalPage(r)
	if err != nil {
		return CataloguePage{}, err
	}
	p := CataloguePage{PortalPage: pp}
	p.Categories = p.sectorsByName()
	p.Title = p.T("floor.portal.title") + " · " + p.Tx(pp.Exhibitor.Org.Name)
	ctx := r.Context()
	x := pp.Exhibitor
	_, err = s.db.Logo(ctx, x.ID)
	p.HasLogo = err == nil
	if p.Products, err = s.db.Products(ctx, x.ID); err != nil {
		return p, err
	}
	if p.Invitations, err = s.db.StaffInvitations(ctx, x.ID); err != nil {
		return p, err
	}
	if len(x.Halls) > 0 {
		halls, err := s.db.Halls(ctx, x.EventID)
		if err != nil {
			return p, err
		}
		h, err := pickHall(halls, x.Halls[0])
		if err != nil {
			return p, err
		}
		v, _, err := s.planData(r, x.EventID, h, p.Lang)
		if err != nil {
			return p, err
		}
		for i := range v.Booths {
			v.Booths[i].Highlight = v.Booths[i].ExhibitorID == x.ID
		}
		p.Plan = &v
	}
	return p, nil
}

func (s *Server) handlePortalCatalogue(w http.ResponseWriter, r *http.Request) error {
	p, err := s.cataloguePage(r)
	if err != nil {
		return err
	}
	p.Done = r.URL.Query().Get("done")
	return s.render(w, http.StatusOK, "floor_portal", p)
}

// portalFailed re-renders the page with the problem shown.
func (s *Server) portalFailed(w http.ResponseWriter, r *http.Request, err error) error {
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Code == apperr.Internal {
		return err
	}
	p, perr := s.cataloguePage(r)
	if perr != nil {
		return perr
	}
	p.Message, _ = p.reason(ae.Message)
	p.Fields, p.Posted = translateFields(p.Page, ae.Fields), r.PostForm
	if ae.Code == apperr.Invalid {
		p.Message = p.T("form.fix")
	}
	status := http.StatusUnprocessableEntity
	if ae.Code == apperr.TooLarge {
		status = http.StatusRequestEntityTooLarge
	}
	return s.render(w, status, "floor_portal", p)
}

func (s *Server) portalDone(w http.ResponseWriter, r *http.Request, what string) error {
	http.Redirect(w, r, strings.TrimSuffix(r.URL.Path, "/"+lastSegment(r.URL.Path))+"/catalogue?done="+what, http.StatusSeeOther)
	return nil
}

func lastSegment(p string) string { return p[strings.LastIndex(p, "/")+1:] }

// Logo limits: the upload's size and the image's dimensions (checked
// before decoding, against decompression bombs); stored at most logoMax.
const (
	maxLogoBytes = 512 << 10
	maxLogoSide  = 4000
	logoMax      = 512
)

// LogoPNG checks an uploaded image and re-encodes it as PNG, scaled down to
// fit logoMax: what is stored is never the uploaded bytes.
func LogoPNG(data []byte) ([]byte, error) {
	if len(data) > maxLogoBytes {
		return nil, &apperr.Error{Code: apperr.TooLarge, Message: "The logo is larger than 512 KB."}
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, apperr.Fields{"logo": "must be a PNG, JPEG or GIF image"}.Err()
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > maxLogoSide || cfg.Height > maxLogoSide {
		return nil, apperr.Fields{"logo": fmt.Sprintf("must be at most this many pixels: %d×%d", maxLogoSide, maxLogoSide)}.Err()
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, apperr.Fields{"logo": "is a damaged image: " + format}.Err()
	}
	img = fit(img, logoMax)
	var out bytes.Buffer
	if err := png.Encode(&out, img); err != nil {
		return nil, fmt.Errorf("encode logo: %w", err)
	}
	return out.Bytes(), nil
}

// fit scales an image down (nearest neighbour) so that its longer side is
// at most n pixels.
func fit(img image.Image, n int) image.Image {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= n && h <= n {
		return img
	}
	nw, nh := n, h*n/w
	if h > w {
		nw, nh = w*n/h, n
	}
	nw, nh = max(nw, 1), max(nh, 1)
	dst := image.NewNRGBA(image.Rect(0, 0, nw, nh))
	for y := 0; y < nh; y++ {
		for x := 0; x < nw; x++ {
			dst.Set(x, y, img.At(b.Min.X+x*w/nw, b.Min.Y+y*h/nh))
		}
	}
	return dst
}

func (s *Server) handleLogoUpload(w http.ResponseWriter, r *http.Request) error {
	xid, err := pathID(r, "exhibitor")
	if err != nil {
		return err
	}
	data, _, err := readUpload(r, "logo", maxLogoBytes)
	if err == nil {
		data, err = LogoPNG(data)
	}
	if err == nil {
		err = s.db.SetLogo(r.Context(), xid, data)
	}
	if err != nil {
		return s.portalFailed(w, r, err)
	}
	return s.portalDone(w, r, "logo")
}

func (s *Server) handleProducts(w http.ResponseWriter, r *http.Request) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	xid, err := pathID(r, "exhibitor")
	if err != nil {
		return err
	}
	if r.PostFormValue("op") == "delete" {
		id, _ := strconv.ParseInt(r.PostFormValue("product"), 10, 64)
		if err := s.db.DeleteProduct(r.Context(), xid, id); err != nil {
			return s.portalFailed(w, r, err)
		}
		s.refreshCatalogue(r.Context(), ev, xid)
		return s.portalDone(w, r, "deleted")
	}
	p := exhibit.Product{EventID: ev, ExhibitorID: xid, Category: r.PostFormValue("category"),
		Name:        i18n.Text{VI: r.PostFormValue("name_vi"), EN: r.PostFormValue("name_en"), KO: r.PostFormValue("name_ko")},
		Description: i18n.Text{VI: r.PostFormValue("desc_vi"), EN: r.PostFormValue("desc_en"), KO: r.PostFormValue("desc_ko")}}
	err = p.Validate()
	if err == nil {
		err = s.db.CreateProduct(r.Context(), &p)
	}
	if err != nil {
		return s.portalFailed(w, r, err)
	}
	s.refreshCatalogue(r.Context(), ev, xid)
	return s.portalDone(w, r, "product")
}

func (s *Server) handleInviteStaff(w http.ResponseWriter, r *http.Request) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	xid, err := pathID(r, "exhibitor")
	if err != nil {
		return err
	}
	email := strings.ToLower(strings.TrimSpace(r.PostFormValue("email")))
	if a, perr := mail.ParseAddress(email); perr != nil || a.Address != email {
		return s.portalFailed(w, r, apperr.Fields{"email": "must be an email address"}.Err())
	}
	v := viewerOf(r)
	if err := s.db.InviteStaff(r.Context(), xid, email, v.person.ID); err != nil {
		return s.portalFailed(w, r, err)
	}
	x, err := s.db.Exhibitor(r.Context(), ev, xid)
	if err != nil {
		return err
	}
	e, err := s.db.Event(r.Context(), ev)
	if err != nil {
		return err
	}
	lang := v.lang
	m := kmail.Message{To: []string{email}, Subject: s.cat.T(lang, "floor.mail.invite.subject", x.Org.Name.In(lang), e.Name.In(lang)),
		Text: s.cat.T(lang, "floor.mail.invite.body", v.person.Name, x.Org.Name.In(lang), e.Name.In(lang)) + "\n\n" + s.absolute("/signup") + "\n"}
	if err := s.mail.Send(outbox.ForEvent(r.Context(), e.ID), m); err != nil {
		s.log.Error("staff invitation mail", "exhibitor", xid, "err", err)
	}
	return s.portalDone(w, r, "invited")
}
