package catalog_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"ketnoi/internal/catalog"
	"ketnoi/internal/demo"
	"ketnoi/internal/i18n"
)

func TestExplore(t *testing.T) {
	qs := os.Getenv("EXPLORE")
	if qs == "" {
		return
	}
	c, _ := demoCatalog()
	for _, q := range strings.Split(qs, "|") {
		r, _ := c.Search(context.Background(), demo.FairID, catalog.Query{Text: q, Limit: 4})
		fmt.Printf("== %q total=%d partial=%v\n", q, r.Total, r.Partial)
		for _, h := range r.Hits {
			fmt.Printf("   %s %d %.2f vi=%q en=%q ko=%q by=%q %v\n", h.Kind, h.ID, h.Score, h.Name.VI, h.Name.EN, h.Name.KO, h.Exhibitor.In(i18n.EN), h.Booths)
		}
	}
}
