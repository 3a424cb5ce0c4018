#!/bin/sh
# deps.sh build|test PKG... - make sure the Debian packages are installed.
# As root, installs what is missing (apt-get update once, then install);
# otherwise prints the exact command and fails.
set -u
what=$1
shift
missing=
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "cityidx: installing the Debian packages needed to $what:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing ||
		{ echo "cityidx: apt-get install failed" >&2; exit 1; }
	exit 0
fi
echo "cityidx: missing Debian packages; install them with:" >&2
echo "  sudo apt-get install$missing" >&2
exit 1
