package main

import "slices"

// mustMeet: p's block has begun (or must begin) in slot t.
func (c *chrono) mustMeet(p, t int) bool {
	if c.r[p] == 0 || c.busyAt[p] == t || !c.inBlock(p) {
		return false
	}
	return (c.first[p] >= 0 && c.last[p] == t-1) || c.sHi[p] <= t
}

func (c *chrono) canMeet(m, t int) bool {
	if c.slot[m] >= 0 || c.dlo[m] > t || c.dhi[m] < t || c.used[t] >= c.C {
		return false
	}
	for _, p := range [2]int{c.ma[m], c.mb[m]} {
		if c.busyAt[p] == t || c.waitAt[p] == t || c.unavail(p, t) || !c.mayStart(p, t) {
			return false
		}
	}
	return true
}

// mayStart: p may meet in t (a participant in a block only within it).
func (c *chrono) mayStart(p, t int) bool {
	if !c.inBlock(p) || (c.first[p] >= 0 && c.last[p] == t-1) {
		return true
	}
	return c.sLo[p] <= t && t <= c.sHi[p]
}

type placed struct{ first, last, busy int }

func (c *chrono) place(m, t int) [2]placed {
	var sv [2]placed
	for i, p := range [2]int{c.ma[m], c.mb[m]} {
		sv[i] = placed{c.first[p], c.last[p], c.busyAt[p]}
		if c.first[p] < 0 {
			c.first[p] = t
		}
		c.last[p], c.busyAt[p] = t, t
		c.r[p]--
	}
	c.slot[m] = t
	c.used[t]++
	return sv
}

func (c *chrono) unplace(m, t int, sv [2]placed) {
	for i, p := range [2]int{c.ma[m], c.mb[m]} {
		c.first[p], c.last[p], c.busyAt[p] = sv[i].first, sv[i].last, sv[i].busy
		c.r[p]++
	}
	c.slot[m] = -1
	c.used[t]--
}

type windows struct{ sLo, sHi, e, l, dlo, dhi []int }

func (c *chrono) save() windows {
	return windows{slices.Clone(c.sLo), slices.Clone(c.sHi), slices.Clone(c.e), slices.Clone(c.l), slices.Clone(c.dlo), slices.Clone(c.dhi)}
}

func (c *chrono) load(w windows) {
	copy(c.sLo, w.sLo)
	copy(c.sHi, w.sHi)
	copy(c.e, w.e)
	copy(c.l, w.l)
	copy(c.dlo, w.dlo)
	copy(c.dhi, w.dhi)
}

// try places m in t, propagates and goes on with next; on failure it
// undoes the placement.
func (c *chrono) try(m, t int, next func() bool) bool {
	w := c.save()
	sv := c.place(m, t)
	if c.propagate(t) && next() {
		return true
	}
	c.unplace(m, t, sv)
	c.load(w)
	return false
}

func (c *chrono) candidates(p, t int) []int {
	var cs []int
	for _, m := range c.meets[p] {
		if c.canMeet(m, t) {
			cs = append(cs, m)
		}
	}
	return cs
}

// fill chooses the meetings of slot t: first for the participants that
// must meet, then for the others.
func (c *chrono) fill(t int) bool {
	c.deepest = max(c.deepest, t)
	if t == c.S {
		return slices.Max(c.r) == 0
	}
	c.nodes++
	if c.nodes > c.limit {
		return false
	}
	best := -1
	var cands []int
	for p := range c.P {
		if !c.mustMeet(p, t) {
			continue
		}
		if cs := c.candidates(p, t); best < 0 || len(cs) < len(cands) {
			best, cands = p, cs
		}
	}
	if best >= 0 {
		if len(cands) == 0 {
			c.failures[best]++
			return false
		}
		c.order(best, cands, t)
		for _, m := range cands {
			if c.try(m, t, func() bool { return c.fill(t) }) {
				return true
			}
			if c.nodes > c.limit {
				return false
			}
		}
		return false
	}
	var rest []int
	for p := range c.P {
		if c.r[p] > 0 && c.busyAt[p] != t && !c.unavail(p, t) && c.mayStart(p, t) {
			rest = append(rest, p)
		}
	}
	slices.SortStableFunc(rest, func(x, y int) int {
		if c.byFailures && c.failures[x] != c.failures[y] {
			return c.failures[y] - c.failures[x]
		}
		return c.slack(x, t) - c.slack(y, t)
	})
	return c.fillRest(t, rest)
}

func (c *chrono) slack(p, t int) int {
	if !c.inBlock(p) {
		return c.S
	}
	return c.sHi[p] - t
}

// order sorts p's candidate meetings in t: the hinted one first, then by
// earliest deadline, a partner that must meet before one that need not.
func (c *chrono) order(p int, cands []int, t int) {
	key := make(map[int]int, len(cands))
	for _, m := range cands {
		k := c.dhi[m] * 4
		if c.mustMeet(c.ma[m]+c.mb[m]-p, t) {
			k -= 2
		}
		if c.hint != nil && c.hint[m] == t && c.rng.Float64() >= c.noise {
			k = -1 << 20
		}
		key[m] = k*16 + c.rng.IntN(16)
	}
	slices.SortFunc(cands, func(x, y int) int { return key[x] - key[y] })
}

// fillRest lets each participant of rest, in order, meet in t or wait.
func (c *chrono) fillRest(t int, rest []int) bool {
	c.nodes++
	if c.nodes > c.limit {
		return false
	}
	for len(rest) > 0 && c.busyAt[rest[0]] == t {
		rest = rest[1:]
	}
	if len(rest) == 0 {
		return c.nextSlot(t)
	}
	p := rest[0]
	meet := func() bool {
		cs := c.candidates(p, t)
		c.order(p, cs, t)
		for _, m := range cs {
			if c.try(m, t, func() bool { return c.fillRest(t, rest[1:]) }) {
				return true
			}
			if c.nodes > c.limit {
				return false
			}
		}
		return false
	}
	wait := func() bool {
		w := c.save()
		c.waitAt[p] = t
		if c.propagate(t) && c.fillRest(t, rest[1:]) {
			return true
		}
		c.waitAt[p] = -1
		c.load(w)
		return false
	}
	meetFirst := c.rng.Float64() < c.meetFirst
	if c.hint != nil {
		meetFirst = slices.ContainsFunc(c.meets[p], func(m int) bool { return c.hint[m] == t })
		if c.rng.Float64() < c.noise {
			meetFirst = !meetFirst
		}
	}
	if meetFirst {
		return meet() || (c.nodes <= c.limit && wait())
	}
	return wait() || (c.nodes <= c.limit && meet())
}

// nextSlot counts the breaks that begin in t and goes on to slot t+1.
func (c *chrono) nextSlot(t int) bool {
	var broke []int
	ok := true
	for p := range c.P {
		if c.r[p] > 0 && c.first[p] >= 0 && c.last[p] == t-1 {
			c.brk[p]++
			c.total++
			broke = append(broke, p)
			ok = ok && c.brk[p] <= c.allow[p]
		}
	}
	ok = ok && c.total <= c.k
	w := c.save()
	if ok && (t+1 == c.S || c.propagate(t+1)) && c.fill(t+1) {
		return true
	}
	c.load(w)
	for _, p := range broke {
		c.brk[p]--
		c.total--
	}
	return false
}
