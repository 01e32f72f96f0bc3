package web_test

import (
	"context"

	"ketnoi/internal/exhibit"
	"ketnoi/internal/i18n"
	"ketnoi/internal/org"
)

func init() {
	addAccess(map[string][]string{
		"GET /events/{event}/plan":                                    everyone,
		"GET /events/{event}/halls/{hall}/plan.pdf":                   everyone,
		"GET /events/{event}/search":                                  everyone,
		"GET /events/{event}/exhibitors/{exhibitor}/logo.png":         everyone,
		"GET /events/{event}/apply":                                   accounts,
		"GET /orgs/{org}/events/{event}/apply":                        orgAdmins,
		"POST /orgs/{org}/events/{event}/apply":                       orgAdmins,
		"GET /console/events/{event}/floor":                           runners,
		"POST /console/events/{event}/halls/{hall}/import":            runners,
		"POST /console/events/{event}/booths/{booth}":                 runners,
		"GET /console/events/{event}/applications":                    runners,
		"GET /console/events/{event}/applications/{application}":      runners,
		"POST /console/events/{event}/applications/{application}":     runners,
		"GET /console/events/{event}/allocation":                      runners,
		"POST /console/events/{event}/allocation":                     runners,
		"GET /portal/events/{event}/exhibitors/{exhibitor}/catalogue": members,
		"POST /portal/events/{event}/exhibitors/{exhibitor}/logo":     xAdmins,
		"POST /portal/events/{event}/exhibitors/{exhibitor}/products": xAdmins,
		"POST /portal/events/{event}/exhibitors/{exhibitor}/staff":    xAdmins,
		"GET /api/v1/events/{event}/search":                           everyone,
		"POST /api/v1/events/{event}/halls/{hall}/import":             runners,
		"GET /api/v1/events/{event}/applications":                     runners,
	})
	form := "application/x-www-form-urlencoded"
	for pattern, body := range map[string]string{
		"POST /orgs/{org}/events/{event}/apply":                       "op=submit&booth_type=shell&area=9&sector=robotics&email=a%40company.vn",
		"POST /console/events/{event}/halls/{hall}/import":            "", // no file: the report page
		"POST /console/events/{event}/booths/{booth}":                 "code=A-101&w=3&h=3&type=shell&zone=&price_vnd=30000000",
		"POST /console/events/{event}/applications/{application}":     "action=request_changes&note=More+detail",
		"POST /console/events/{event}/allocation":                     "op=run",
		"POST /portal/events/{event}/exhibitors/{exhibitor}/logo":     "",
		"POST /portal/events/{event}/exhibitors/{exhibitor}/products": "op=add&name_vi=R%C3%B4-b%E1%BB%91t+h%C3%A0n&category=robotics",
	} {
		b := body
		bodies[pattern] = func(*fixture, string) (string, string) { return form, b }
	}
	bodies["POST /portal/events/{event}/exhibitors/{exhibitor}/staff"] = func(_ *fixture, role string) (string, string) {
		return form, "email=" + role + "%40staff.vn"
	}
	bodies["POST /api/v1/events/{event}/halls/{hall}/import"] = func(*fixture, string) (string, string) {
		return "application/json", `{"booths":[{"code":"A-101","x":0,"y":0,"w":3,"h":3,"type":"shell"},{"code":"A-102","x":3,"y":0,"w":3,"h":3,"type":"shell"}]}`
	}
	fixtureHooks = append(fixtureHooks, func(f *fixture) {
		ctx := context.Background()
		o := &org.Organization{Kind: org.Startup, Name: i18n.Text{VI: "Công ty C", EN: "Company C"}, Country: "KR", Sectors: []string{"agv_amr"}}
		must(f.t, f.db.CreateOrganization(ctx, o))
		a := &exhibit.Application{EventID: f.eventID, OrgID: o.ID, BoothType: "shell", Area: 9, Sector: "agv_amr", Email: "c@company.kr", Lang: i18n.KO}
		must(f.t, a.Validate())
		must(f.t, f.db.CreateApplication(ctx, a, exhibit.Change{PersonName: "C"}))
		f.ids["application"] = a.ID
		must(f.t, f.db.SetLogo(ctx, f.x1.ID, tinyPNG()))
	})
}
