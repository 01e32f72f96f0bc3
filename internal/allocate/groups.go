package allocate

// enumerator lists connected groups of booths with the ESU algorithm
// (Wernicke 2006): each connected set is produced exactly once, from its
// smallest booth (or, in rooted mode, every set containing the root once).
// Groups whose area exceeds the bound are pruned early, so enumeration
// stays cheap for the small groups (≤ max_booths) that requests need.
type enumerator struct {
	m       *model
	inSub   []bool
	nAdj    []int32 // number of group members adjacent to each booth
	sub     []int32
	bufs    [][]int32
	ok      func(b int32) bool
	minA    float64
	maxA    float64
	maxSize int
	root    int32
	rooted  bool
	emit    func(g []int32, area float64) bool
	stop    bool
	// budget bounds the search nodes of one call, so that a dense venue
	// with a large max_booths cannot make one enumeration explode.
	budget int
}

// enumBudget is the node budget of one enumeration.
const enumBudget = 400_000

func newEnumerator(m *model) *enumerator {
	n := len(m.booths)
	en := &enumerator{m: m, inSub: make([]bool, n), nAdj: make([]int32, n)}
	en.bufs = make([][]int32, m.maxBooths+2)
	return en
}

// groups calls emit for every connected group of booths accepted by ok,
// with area in [minA, maxA] and at most maxSize booths. With rooted false
// every group is produced once; with rooted true, only groups containing
// one of roots are produced (once per root they contain). emit returns
// false to stop. The slice passed to emit is reused: copy it to keep it.
func (en *enumerator) groups(roots []int32, rooted bool, ok func(int32) bool,
	minA, maxA float64, maxSize int, emit func([]int32, float64) bool) {
	en.ok, en.minA, en.maxA, en.maxSize, en.emit = ok, minA, maxA, maxSize, emit
	en.rooted, en.stop, en.budget = rooted, false, enumBudget
	if maxSize < 1 {
		return
	}
	for _, r := range roots {
		if en.stop {
			return
		}
		a := en.m.booths[r].Area
		if !ok(r) || a > maxA+eps {
			continue
		}
		en.root = r
		ext := en.bufs[0][:0]
		for _, u := range en.m.adj[r] {
			if en.allowed(u) {
				ext = append(ext, u)
			}
		}
		en.bufs[0] = ext
		en.push(r)
		en.extend(ext, a)
		en.pop(r)
	}
}

func (en *enumerator) allowed(u int32) bool {
	if u == en.root || (!en.rooted && u < en.root) {
		return false
	}
	return en.ok(u)
}

func (en *enumerator) push(w int32) {
	en.sub = append(en.sub, w)
	en.inSub[w] = true
	for _, u := range en.m.adj[w] {
		en.nAdj[u]++
	}
}

func (en *enumerator) pop(w int32) {
	en.sub = en.sub[:len(en.sub)-1]
	en.inSub[w] = false
	for _, u := range en.m.adj[w] {
		en.nAdj[u]--
	}
}

func (en *enumerator) extend(ext []int32, area float64) {
	if en.budget--; en.budget < 0 {
		en.stop = true
		return
	}
	if area >= en.minA-eps && !en.emit(en.sub, area) {
		en.stop = true
		return
	}
	depth := len(en.sub)
	if depth >= en.maxSize {
		return
	}
	for len(ext) > 0 && !en.stop {
		w := ext[len(ext)-1]
		ext = ext[:len(ext)-1]
		aw := area + en.m.booths[w].Area
		if aw > en.maxA+eps {
			continue
		}
		// The new extension: what is left of ext plus the exclusive
		// neighbours of w (not in, nor next to, the current group).
		next := append(en.bufs[depth][:0], ext...)
		for _, u := range en.m.adj[w] {
			if !en.inSub[u] && en.nAdj[u] == 0 && en.allowed(u) {
				next = append(next, u)
			}
		}
		en.bufs[depth] = next
		en.push(w)
		en.extend(next, aw)
		en.pop(w)
	}
}
