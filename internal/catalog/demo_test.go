package catalog_test

import (
	"sync"

	"ketnoi/internal/catalog"
	"ketnoi/internal/demo"
	"ketnoi/internal/event"
	"ketnoi/internal/i18n"
)

var (
	demoOnce sync.Once
	demoCat  *catalog.Catalog
	demoSet  *demo.Dataset
)

// countries names countries from the UI catalogue, as the server does.
func countries() catalog.Countries {
	cat, err := i18n.LoadCatalog()
	if err != nil {
		panic(err)
	}
	return func(code string, l i18n.Lang) string {
		if k := "country." + code; cat.Has(l, k) {
			return cat.T(l, k)
		}
		return ""
	}
}

// demoData turns the demo data set (seed 1) and its products into the
// catalogue's input, exactly as the database would return them.
func demoData(ds *demo.Dataset) catalog.Data {
	halls := map[int64]string{}
	for _, h := range ds.Halls {
		halls[h.ID] = h.Code
	}
	booths := map[int64][]event.Booth{}
	for _, b := range ds.Booths {
		if b.ExhibitorID != 0 {
			booths[b.ExhibitorID] = append(booths[b.ExhibitorID], b)
		}
	}
	orgs := map[int64]int{}
	for i, o := range ds.Orgs {
		orgs[o.ID] = i
	}
	d := catalog.Data{BoothTypes: map[int64][]string{}, Products: demo.Products(ds)}
	for _, x := range ds.Exhibitors {
		if x.EventID != demo.FairID || x.Status != event.Approved {
			continue
		}
		v := event.ExhibitorView{Exhibitor: x, Org: ds.Orgs[orgs[x.OrgID]], Booths: []string{}, Halls: []string{}}
		for _, b := range booths[x.ID] {
			v.Booths = append(v.Booths, b.Code)
			if h := halls[b.HallID]; len(v.Halls) == 0 || v.Halls[len(v.Halls)-1] != h {
				v.Halls = append(v.Halls, h)
			}
			d.BoothTypes[x.ID] = appendNew(d.BoothTypes[x.ID], string(b.Type))
		}
		d.Exhibitors = append(d.Exhibitors, v)
	}
	return d
}

func appendNew(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

func demoCatalog() (*catalog.Catalog, *demo.Dataset) {
	demoOnce.Do(func() {
		demoSet = demo.Generate(1)
		demoCat = catalog.New(nil, countries())
		demoCat.MaxAge = 0
		if err := demoCat.Install(demo.FairID, demoData(demoSet)); err != nil {
			panic(err)
		}
	})
	return demoCat, demoSet
}
