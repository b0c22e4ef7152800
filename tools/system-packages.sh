#!/usr/bin/env bash
# Debian packages that some tests drive: headless Chromium (the HTML report) and tmux (the table view).
# Installed only when missing; where they cannot be installed those tests skip, so this never fails the build.
set -u
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
[ "${#missing[@]}" -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "note: ${missing[*]} missing and no apt-get here: the tests that need them will skip" >&2
  exit 0
fi
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo -n"
echo "installing ${missing[*]} (Debian packages) for the browser and terminal tests" >&2
if ! { $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq "${missing[@]}"; } >&2; then
  echo "note: could not install ${missing[*]}: the tests that need them will skip" >&2
fi
exit 0
