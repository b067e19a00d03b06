#!/bin/sh
# `sudo npm run setup:debian`: installs, from Debian's packages, the programs that two parts of the
# test suite drive (nothing else needs them; `npm install` never installs them):
#   - chromium: the browser test of the HTML report (through playwright-core, no browser download);
#   - jupyter-nbconvert, jupyter-client: headless execution of the notebooks.
# .ci/run calls it on CI. Needs root (apt-get).
set -eu
export DEBIAN_FRONTEND=noninteractive
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
[ -x /usr/bin/jupyter-nbconvert ] || missing="$missing jupyter-nbconvert"
[ -x /usr/bin/jupyter-kernelspec ] || missing="$missing jupyter-client"
if [ -z "$missing" ]; then
  echo "digicge: chromium and Jupyter are installed"
  exit 0
fi
echo "digicge: installing$missing from Debian's packages"
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing
