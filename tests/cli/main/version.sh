"$CITYIDX" --version
