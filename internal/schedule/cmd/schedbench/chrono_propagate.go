package main

// propagate narrows the block starts and meeting windows for the state
// within slot t (some participants placed in t, some waiting). It reports
// false when some participant or meeting has no room left.
func (c *chrono) propagate(t int) bool {
	for p := range c.P {
		if c.r[p] > 0 && !c.startRange(p, t) {
			c.failures[p]++
			return false
		}
	}
	for changed := true; changed; {
		changed = false
		for p := range c.P {
			if c.r[p] > 0 && c.inBlock(p) {
				c.e[p], c.l[p] = c.sLo[p], c.sHi[p]+c.r[p]-1
			}
		}
		for m := range c.M {
			if c.slot[m] >= 0 {
				continue
			}
			a, b := c.ma[m], c.mb[m]
			c.dlo[m] = max(c.lo[m], t, c.e[a], c.e[b])
			c.dhi[m] = min(c.hi[m], c.l[a], c.l[b])
			if c.dlo[m] > c.dhi[m] {
				c.failures[a]++
				c.failures[b]++
				return false
			}
		}
		for p := range c.P {
			if c.r[p] == 0 || !c.inBlock(p) {
				continue
			}
			lo, hi := c.sLo[p], c.sHi[p]
			for _, m := range c.meets[p] {
				if c.slot[m] < 0 {
					lo, hi = max(lo, c.dlo[m]-c.r[p]+1), min(hi, c.dhi[m])
				}
			}
			if lo != c.sLo[p] || hi != c.sHi[p] {
				c.sLo[p], c.sHi[p] = lo, hi
				if !c.fitAvailable(p) {
					c.failures[p]++
					return false
				}
				changed = true
			}
		}
	}
	for p := range c.P {
		if c.r[p] > 0 && !c.rowFits(p) {
			c.failures[p]++
			return false
		}
	}
	return c.tablesFit(t)
}

// startRange sets p's earliest and latest slots (no block) or its block
// start range, from its state in slot t.
func (c *chrono) startRange(p, t int) bool {
	free := t // the first slot p may still meet in
	if c.busyAt[p] == t || c.waitAt[p] == t || c.unavail(p, t) {
		free = t + 1
	}
	if !c.inBlock(p) {
		c.e[p], c.l[p] = free, c.S-1
		return true
	}
	switch {
	case c.first[p] >= 0 && c.last[p] == t: // met in t: the block goes on
		c.sLo[p], c.sHi[p] = t+1, t+1
	case c.first[p] >= 0 && c.last[p] == t-1: // must meet in t
		if free > t {
			return false
		}
		c.sLo[p], c.sHi[p] = t, t
	default:
		c.sLo[p], c.sHi[p] = free, c.S-c.r[p]
	}
	return c.fitAvailable(p)
}

// fitAvailable narrows p's block start range to blocks that avoid p's
// unavailable slots.
func (c *chrono) fitAvailable(p int) bool {
	ok := func(s int) bool {
		for u := s; u < s+c.r[p]; u++ {
			if u >= c.S || c.unavail(p, u) {
				return false
			}
		}
		return true
	}
	for c.sLo[p] <= c.sHi[p] && !ok(c.sLo[p]) {
		c.sLo[p]++
	}
	for c.sHi[p] >= c.sLo[p] && !ok(c.sHi[p]) {
		c.sHi[p]--
	}
	return c.sLo[p] <= c.sHi[p]
}

// rowFits checks that p's remaining meetings fit one per slot in their
// windows: earliest deadline first is exact for unit jobs on one machine.
func (c *chrono) rowFits(p int) bool {
	var due [64]int
	n := 0
	for _, m := range c.meets[p] {
		if c.slot[m] < 0 {
			n++
		}
	}
	pending := 0
	for u := 0; u < c.S && n+pending > 0; u++ {
		for _, m := range c.meets[p] {
			if c.slot[m] < 0 && c.dlo[m] == u {
				due[c.dhi[m]]++
				pending++
				n--
			}
		}
		if pending > 0 {
			for d := u; d < c.S; d++ {
				if due[d] > 0 {
					due[d]--
					pending--
					break
				}
			}
		}
		if due[u] > 0 {
			return false
		}
	}
	return pending == 0
}

// tablesFit checks that the unplaced meetings fit the free tables of the
// slots from t on within their windows (earliest deadline first is exact
// for unit jobs on identical machines).
func (c *chrono) tablesFit(t int) bool {
	var due [64]int
	byRelease := make([][]int, c.S)
	for m := range c.M {
		if c.slot[m] < 0 {
			byRelease[c.dlo[m]] = append(byRelease[c.dlo[m]], c.dhi[m])
		}
	}
	pending := 0
	for u := t; u < c.S; u++ {
		for _, d := range byRelease[u] {
			due[d]++
			pending++
		}
		free := c.C - c.used[u]
		for d := u; d < c.S && free > 0 && pending > 0; d++ {
			k := min(free, due[d])
			due[d] -= k
			free -= k
			pending -= k
		}
		if due[u] > 0 {
			return false
		}
	}
	return pending == 0
}
