#!/bin/sh
# Refreshes the files that `kgb serve` embeds so that Cayley's web UI works
# with no internet access: serve/monaco/vs, the Monaco editor (the UI's
# bundle points at a CDN; serve/ui.go rewrites that URL to /monaco/vs), and
# serve/icons, the Material Icons font (the UI's CSS imports it from Google
# Fonts; rewritten to /icons/material-icons.css).
#
# Only what the UI uses is kept: the loader, the editor core (English
# messages), the worker bootstrap, the javascript/typescript/graphql
# colourisers and the typescript (Gizmo completion) and json (results view)
# language services.
#
# Usage: scripts/fetch-monaco.sh [MONACO_VERSION]   (run from anywhere; needs npm)
set -eu
VERSION=${1:-0.18.1} # the version Cayley's UI was built against
ICONS_VERSION=1.13.14 # npm "material-icons" (Apache-2.0)
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEST="$ROOT/serve/monaco/vs"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

(cd "$TMP" && npm pack --silent "monaco-editor@$VERSION" >/dev/null && tar xzf monaco-editor-*.tgz)
SRC="$TMP/package/min/vs"

rm -rf "$DEST"
mkdir -p "$DEST/editor" "$DEST/base/worker" "$DEST/basic-languages" "$DEST/language"
cp "$SRC/loader.js" "$DEST/"
cp "$SRC/base/worker/workerMain.js" "$DEST/base/worker/"
cp "$SRC/editor/editor.main.js" "$SRC/editor/editor.main.css" "$SRC/editor/editor.main.nls.js" "$DEST/editor/"
for l in javascript typescript graphql; do cp -r "$SRC/basic-languages/$l" "$DEST/basic-languages/"; done
for l in typescript json; do cp -r "$SRC/language/$l" "$DEST/language/"; done
cp "$TMP/package/LICENSE" "$DEST/LICENSE"
echo "monaco-editor@$VERSION" >"$DEST/VERSION"

ICONS="$ROOT/serve/icons"
(cd "$TMP" && npm pack --silent "material-icons@$ICONS_VERSION" >/dev/null && mkdir icons && tar xzf material-icons-*.tgz -C icons)
rm -rf "$ICONS"
mkdir -p "$ICONS"
cp "$TMP/icons/package/iconfont/filled.css" "$ICONS/material-icons.css"
cp "$TMP/icons/package/iconfont/material-icons.woff2" "$TMP/icons/package/iconfont/material-icons.woff" "$ICONS/"
cp "$TMP/icons/package/LICENSE" "$ICONS/LICENSE"
echo "material-icons@$ICONS_VERSION" >"$ICONS/VERSION"
du -sh "$DEST" "$ICONS"
