package allocate

import (
	"bufio"
	"fmt"
	"io"
	"sort"
)

// MIP is the exact model of a problem as a 0-1 program, for checking the
// engine against an exact solver on small instances (docs/allocate.md).
// One binary x per (exhibitor, fitting group); the objective is the
// lexicographic one scalarised with the weights of Objective.Scalar.
type MIP struct {
	m    *model
	vars []mipVar
	// byBooth[e][b] lists the variables of e whose group holds booth b.
	byBooth []map[int32][]int
	varsOf  [][]int
}

type mipVar struct {
	e int
	g []int32
}

// maxMIPVars keeps the exact model to instances a solver can finish.
const maxMIPVars = 200_000

// NewMIP enumerates every fitting group of every exhibitor that may be
// placed. A locked exhibitor has exactly one group, its lock.
func NewMIP(p Problem) (*MIP, error) {
	m, err := compile(p)
	if err != nil {
		return nil, err
	}
	x := &MIP{m: m, byBooth: make([]map[int32][]int, len(m.ex)), varsOf: make([][]int, len(m.ex))}
	en := newEnumerator(m)
	for e := range m.ex {
		x.byBooth[e] = map[int32][]int{}
		if g := m.lockGroup[e]; g != nil {
			x.add(e, g)
			continue
		}
		if !m.ex[e].approved {
			continue
		}
		ok := func(b int32) bool { return m.usable(e, b) }
		en.groups(m.typeBooths(m.ex[e].typ), false, ok, m.ex[e].area, m.ex[e].area*m.tol, m.maxSize(e),
			func(g []int32, _ float64) bool {
				x.add(e, g)
				return len(x.vars) < maxMIPVars
			})
		if len(x.vars) >= maxMIPVars {
			return nil, fmt.Errorf("mip: more than %d variables, the instance is too large", maxMIPVars)
		}
	}
	return x, nil
}

func (x *MIP) add(e int, g []int32) {
	g = append([]int32(nil), g...)
	k := len(x.vars)
	x.vars = append(x.vars, mipVar{e, g})
	x.varsOf[e] = append(x.varsOf[e], k)
	for _, b := range g {
		x.byBooth[e][b] = append(x.byBooth[e][b], k)
	}
}

// Vars is the number of binary group variables.
func (x *MIP) Vars() int { return len(x.vars) }

// lpRow is one linear expression, coefficients by variable name.
type lpRow map[string]int64

func (r lpRow) addY(x *MIP, e int, b int32, coef int64) {
	for _, k := range x.byBooth[e][b] {
		r[fmt.Sprintf("x%d", k)] += coef
	}
}

// WriteLP writes the model in CPLEX LP format, read by CBC and GLPK.
func (x *MIP) WriteLP(w io.Writer) error {
	bw := bufio.NewWriter(w)
	m := x.m
	w1, w2, _ := m.weights()
	obj := lpRow{}
	for k, v := range x.vars {
		c := w2 * int64(m.prefPoints(v.e, v.g))
		if m.counts(v.e) {
			c += w1 * int64(m.ex[v.e].prio)
		}
		obj[fmt.Sprintf("x%d", k)] = c
	}
	rows, nW := x.constraints()
	for i := 0; i < nW; i++ {
		obj[fmt.Sprintf("w%d", i)] = 1
	}
	fmt.Fprintln(bw, "\\ ketnoi booth allocation: exact model")
	fmt.Fprintln(bw, "Maximize")
	writeExpr(bw, " obj:", obj)
	fmt.Fprintln(bw, "Subject To")
	for i, r := range rows {
		writeExpr(bw, fmt.Sprintf(" c%d:", i), r.lhs)
		fmt.Fprintf(bw, "   %s %d\n", r.sense, r.rhs)
	}
	fmt.Fprintln(bw, "Bounds")
	for i := 0; i < nW; i++ {
		fmt.Fprintf(bw, " 0 <= w%d <= 1\n", i)
	}
	fmt.Fprintln(bw, "Binaries")
	for k := range x.vars {
		fmt.Fprintf(bw, " x%d\n", k)
	}
	fmt.Fprintln(bw, "End")
	return bw.Flush()
}

type lpCons struct {
	lhs   lpRow
	sense string
	rhs   int64
}

// constraints builds the rows and the number of pavilion-edge variables w.
func (x *MIP) constraints() ([]lpCons, int) {
	m := x.m
	var rows []lpCons
	// Each exhibitor gets at most one group; a locked one exactly its lock.
	per := make([]lpRow, len(m.ex))
	for k, v := range x.vars {
		if per[v.e] == nil {
			per[v.e] = lpRow{}
		}
		per[v.e][fmt.Sprintf("x%d", k)] = 1
	}
	for e, r := range per {
		if r == nil {
			continue
		}
		sense := "<="
		if m.lockGroup[e] != nil {
			sense = "="
		}
		rows = append(rows, lpCons{r, sense, 1})
	}
	// Each booth goes to at most one exhibitor.
	for b := range m.booths {
		r := lpRow{}
		for e := range m.ex {
			r.addY(x, e, int32(b), 1)
		}
		if len(r) > 1 {
			rows = append(rows, lpCons{r, "<=", 1})
		}
	}
	rows = append(rows, x.competitorRows()...)
	rows = append(rows, x.pavilionRows()...)
	edgeRows, nW := x.edgeRows()
	return append(rows, edgeRows...), nW
}

// competitorRows: competitors never hold two adjacent booths.
func (x *MIP) competitorRows() []lpCons {
	m := x.m
	var rows []lpCons
	for e := range m.ex {
		for _, f := range m.ex[e].comp {
			if f < e {
				continue
			}
			for _, ed := range m.edges {
				for _, pair := range [2][2]int{{e, f}, {f, e}} {
					r := lpRow{}
					r.addY(x, pair[0], ed[0], 1)
					r.addY(x, pair[1], ed[1], 1)
					if len(x.byBooth[pair[0]][ed[0]]) > 0 && len(x.byBooth[pair[1]][ed[1]]) > 0 {
						rows = append(rows, lpCons{r, "<=", 1})
					}
				}
			}
		}
	}
	return rows
}

// pavilionRows: a placed member is near another placed member whenever one
// is placed. For each group g of member e and each other member f, with
// T_g the (booth, near booth) contacts of g with the pavilion's other
// members: x_g + placed_f − T_g ≤ 1. It forces T_g ≥ 1 when g is chosen
// and f placed, and is slack otherwise; one row per f (rather than one
// aggregated row) keeps the LP relaxation tight.
func (x *MIP) pavilionRows() []lpCons {
	m := x.m
	var rows []lpCons
	for k, v := range x.vars {
		p := m.ex[v.e].pav
		if p < 0 || len(m.pavs[p].members) < 2 {
			continue
		}
		touch := lpRow{}
		in := map[int32]bool{}
		for _, b := range v.g {
			in[b] = true
		}
		for _, f := range m.pavs[p].members {
			for _, b := range v.g {
				for _, c := range m.near[b] {
					if f != v.e && !in[c] {
						touch.addY(x, f, c, -1)
					}
				}
			}
		}
		for _, f := range m.pavs[p].members {
			if f == v.e || len(x.varsOf[f]) == 0 {
				continue
			}
			r := lpRow{fmt.Sprintf("x%d", k): 1}
			for n, c := range touch {
				r[n] += c
			}
			for _, k2 := range x.varsOf[f] {
				r[fmt.Sprintf("x%d", k2)]++
			}
			rows = append(rows, lpCons{r, "<=", 1})
		}
	}
	return rows
}

// edgeRows: w ≤ Y_p[b] and w ≤ Y_p[c] for each near pair (b, c) a pavilion
// could hold, so that Σw counts the near pairs the pavilion holds.
func (x *MIP) edgeRows() ([]lpCons, int) {
	m := x.m
	var rows []lpCons
	nW := 0
	for _, pv := range m.pavs {
		for _, ed := range m.nearEdges {
			rb, rc := lpRow{}, lpRow{}
			for _, e := range pv.members {
				rb.addY(x, e, ed[0], 1)
				rc.addY(x, e, ed[1], 1)
			}
			if len(rb) == 0 || len(rc) == 0 {
				continue
			}
			wn := fmt.Sprintf("w%d", nW)
			nW++
			rb[wn], rc[wn] = -1, -1
			rows = append(rows, lpCons{rb, ">=", 0}, lpCons{rc, ">=", 0})
		}
	}
	return rows, nW
}

func writeExpr(w *bufio.Writer, head string, r lpRow) {
	names := make([]string, 0, len(r))
	for n, c := range r {
		if c != 0 {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	w.WriteString(head)
	if len(names) == 0 {
		w.WriteString(" 0 x0")
	}
	for i, n := range names {
		if i > 0 && i%8 == 0 {
			w.WriteString("\n  ")
		}
		c := r[n]
		sign := "+"
		if c < 0 {
			sign, c = "-", -c
		}
		fmt.Fprintf(w, " %s %d %s", sign, c, n)
	}
	w.WriteString("\n")
}

// Allocation turns a solver's variable values into an allocation, with
// the objective and the reasons computed as for Solve, so that Check can
// verify the model.
func (x *MIP) Allocation(values map[string]float64) Allocation {
	s := newState(x.m, 0)
	for k, v := range x.vars {
		if values[fmt.Sprintf("x%d", k)] > 0.5 && s.group[v.e] == nil {
			s.assign(v.e, v.g)
		}
	}
	return s.allocation(Stats{})
}
