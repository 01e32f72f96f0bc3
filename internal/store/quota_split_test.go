package store

import "testing"

func TestSplitQuota(t *testing.T) {
	for _, c := range []struct{ quota, used, n int }{
		{5000, 0, 8}, {5000, 4999, 8}, {7, 3, 8}, {0, 0, 8}, {10, 25, 8}, {3, 3, 1},
	} {
		shares, counts := splitQuota(c.quota, c.used, c.n)
		sumQ, sumU, maxQ, minQ := 0, 0, shares[0], shares[0]
		for i := range shares {
			sumQ, sumU = sumQ+shares[i], sumU+counts[i]
			maxQ, minQ = max(maxQ, shares[i]), min(minQ, shares[i])
			if i > 0 && counts[i] > shares[i] {
				t.Errorf("%+v: stripe %d holds %d of %d", c, i, counts[i], shares[i])
			}
		}
		if sumQ != c.quota || sumU != c.used || maxQ-minQ > 1 {
			t.Errorf("%+v: shares %v (sum %d), counts %v (sum %d)", c, shares, sumQ, counts, sumU)
		}
		// Free seats left are exactly quota − used (none when over).
		free := 0
		for i := range shares {
			free += max(0, shares[i]-counts[i])
		}
		if want := max(0, c.quota-c.used); free != want {
			t.Errorf("%+v: %d free seats, want %d", c, free, want)
		}
	}
}
