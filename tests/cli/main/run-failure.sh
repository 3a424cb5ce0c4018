# a failing CLI case names itself and shows the difference of each stream
# from its expectation (expected -, actual +), the end of the streams
# without one, and the reason; the summary names the failed cases
mkdir -p cases/g
cat > cases/g/good.sh <<'CASE'
echo same
CASE
echo same > cases/g/good.sh.stdout.exact
cat > cases/g/bad.sh <<'CASE'
printf 'one\ntwo\nthree\n'
echo "a warning" >&2
CASE
printf 'one\n2\nthree\n' > cases/g/bad.sh.stdout.exact
touch cases/g/bad.sh.stderr.exact
cat > cases/g/crash.sh <<'CASE'
echo "before the crash"
echo "what it said" >&2
kill -ABRT $$
CASE
CITYIDX_CLI_CASES=$PWD/cases sh "$ROOT/tests/cli/run.sh" "$CITYIDX"
echo "exit $?"
