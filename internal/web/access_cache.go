package web

import (
	"sync"
	"time"

	"ketnoi/internal/account"
)

// accessCache keeps what a signed-in request reads before its handler
// runs — the session, the person, memberships, organized events, scanner
// rights — so that a scanner posting badge after badge costs one read (the
// access version) instead of six. Every entry belongs to one access
// version; when the version moves (any instance ended a session, changed
// a person, a membership, an event role or an exhibitor), everything is
// dropped, so a revoked right never outlives the write that revoked it.
type accessCache struct {
	mu       sync.Mutex
	version  int64
	viewers  map[string]cachedViewer // by session token hash
	scanners map[eventPerson]bool
	members  map[eventPerson][]int64 // exhibitors whose member the person is
}

type eventPerson struct{ event, person int64 }

type cachedViewer struct {
	session   account.Session
	person    account.Person
	orgs      map[int64]account.MemberRole
	organizes map[int64]bool
}

// maxCachedViewers bounds memory; past it the cache starts afresh.
const maxCachedViewers = 50_000

func newAccessCache() *accessCache {
	c := &accessCache{}
	c.reset(-1) // below any stored version: the first request sets it
	return c
}

func (c *accessCache) reset(version int64) {
	c.version = version
	c.viewers = map[string]cachedViewer{}
	c.scanners = map[eventPerson]bool{}
	c.members = map[eventPerson][]int64{}
}

// at moves the cache forward to version, dropping everything if it
// changed, and reports whether the cache now serves that version: a
// request that read an older version (a write happened meanwhile) neither
// reads nor fills it. Callers read the version before anything they then
// store, so a value is never filed under a version older than its data.
func (c *accessCache) at(version int64) bool {
	if version > c.version {
		c.reset(version)
	}
	return version == c.version
}

// known is the access version the cache last served, or -1 before the
// first request.
func (c *accessCache) known() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.version
}

// viewer fills v from the cache; false if absent or expired.
func (c *accessCache) viewer(version int64, hash string, now time.Time, v *viewer) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.at(version) {
		return false
	}
	cv, ok := c.viewers[hash]
	if !ok || !cv.session.ExpiresAt.After(now) {
		return false
	}
	sess, p := cv.session, cv.person // copies: handlers get their own
	v.session, v.person, v.orgs, v.organizes = &sess, &p, cv.orgs, cv.organizes
	return true
}

func (c *accessCache) putViewer(version int64, hash string, v *viewer) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.at(version) {
		return
	}
	if len(c.viewers) >= maxCachedViewers {
		c.reset(version)
	}
	c.viewers[hash] = cachedViewer{session: *v.session, person: *v.person, orgs: v.orgs, organizes: v.organizes}
}

func (c *accessCache) scanner(version int64, k eventPerson) (staff, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.at(version) {
		return false, false
	}
	staff, ok = c.scanners[k]
	return staff, ok
}

func (c *accessCache) putScanner(version int64, k eventPerson, staff bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.at(version) {
		return
	}
	if len(c.scanners) >= maxCachedViewers {
		c.scanners = map[eventPerson]bool{}
	}
	c.scanners[k] = staff
}

func (c *accessCache) exhibitorsOf(version int64, k eventPerson) ([]int64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.at(version) {
		return nil, false
	}
	xs, ok := c.members[k]
	return xs, ok
}

func (c *accessCache) putExhibitorsOf(version int64, k eventPerson, xs []int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.at(version) {
		return
	}
	if len(c.members) >= maxCachedViewers {
		c.members = map[eventPerson][]int64{}
	}
	c.members[k] = xs
}
