#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need
# where it is missing (Debian's chromium, zbar-tools, CBC, PostgreSQL, fonts),
# starts PostgreSQL, then runs vet, staticcheck and every test on SQLite and PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin:$HOME/go/bin"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v zbarimg >/dev/null || missing+=(zbar-tools)
command -v cbc >/dev/null || missing+=(coinor-cbc)
[ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
[ -f /usr/share/fonts/truetype/nanum/NanumGothic.ttf ] || missing+=(fonts-nanum) # Korean names on badge PDFs
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  missing+=(postgresql)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The local SMTP test server the mail tests send to.
if ! command -v mailpit >/dev/null && [ ! -x "$(go env GOPATH)/bin/mailpit" ]; then
  echo "test.sh: installing mailpit"
  go install github.com/axllent/mailpit@v1.33.1
fi

# PostgreSQL: use the one on 127.0.0.1:5432 if it answers, else start the
# installed cluster, trusting loopback connections for the test user.
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  ver=$(ls /usr/lib/postgresql | sort -V | tail -1)
  pg_lsclusters -h | grep -q "^$ver main" || as_root pg_createcluster "$ver" main >/dev/null
  hba=/etc/postgresql/$ver/main/pg_hba.conf
  if ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
    as_root sed -i '1i host all all ::1/128 trust' "$hba"
    as_root sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
  fi
  as_root pg_ctlcluster "$ver" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p 5432
export KETNOI_TEST_POSTGRES_URL="${KETNOI_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}"
export KETNOI_CHROMIUM="${KETNOI_CHROMIUM:-$(command -v chromium)}"
export CI="${CI:-true}"

unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then echo "gofmt needed: $unformatted"; exit 1; fi
go vet ./...
# staticcheck, pinned, from the module proxy (built once, then cached).
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
go test -count=1 -timeout 40m ./... 2>&1 | tee /tmp/ketnoi-test.log
