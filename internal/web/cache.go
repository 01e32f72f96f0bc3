package web

import (
	"context"
	"fmt"
	"sync"
)

// readCache keeps public reads (events, the exhibitor directory, its
// filters) for as long as the database's directory version does not move.
// The version is read from the database on every use, so a change made by
// any instance empties every instance's cache: nothing here can be stale.
type readCache struct {
	mu      sync.Mutex
	version int64
	entries map[string]any
}

const readCacheMax = 4096

// cached returns the value under key, computing and keeping it when the
// cache has none for the current version. Values must not be changed by
// their users.
func cached[T any](ctx context.Context, s *Server, key string, load func() (T, error)) (T, error) {
	var zero T
	version, err := s.directoryVersion(ctx)
	if err != nil {
		return zero, err
	}
	c := &s.cache
	c.mu.Lock()
	if c.version != version || c.entries == nil || len(c.entries) > readCacheMax {
		c.version, c.entries = version, map[string]any{}
	}
	v, ok := c.entries[key]
	c.mu.Unlock()
	if ok {
		return v.(T), nil
	}
	val, err := load()
	if err != nil {
		return zero, err
	}
	c.mu.Lock()
	if c.version == version {
		c.entries[key] = val
	}
	c.mu.Unlock()
	return val, nil
}

// versionMemo holds the directory version read once for a request.
type versionMemo struct {
	read    bool
	version int64
}

const keyVersion ctxKey = 100

// withVersionMemo lets a request read the directory version once however
// many cached reads it makes.
func withVersionMemo(ctx context.Context) context.Context {
	return context.WithValue(ctx, keyVersion, &versionMemo{})
}

func (s *Server) directoryVersion(ctx context.Context) (int64, error) {
	memo, _ := ctx.Value(keyVersion).(*versionMemo)
	if memo != nil && memo.read {
		return memo.version, nil
	}
	v, err := s.db.DirectoryVersion(ctx)
	if err != nil {
		return 0, fmt.Errorf("directory version: %w", err)
	}
	if memo != nil {
		memo.read, memo.version = true, v
	}
	return v, nil
}
