#!/bin/sh
# Syntax-only compile of the database driver's native addon (its single
# translation unit) against a given set of Node/V8 headers, with the defines
# and flags node-gyp uses for its Release build. The include dir is laid out
# like node-gyp's include/node: node.h, node_version.h, v8*.h, uv.h together.
# Usage: scripts/check-driver-headers.sh <include-dir> [extra g++ flags...]
#   e.g. add -DNODE_EMBEDDER_MODULE_VERSION=150 when the headers' own
#   node_version.h does not carry the runtime's ABI number.
set -eu
inc=${1:?usage: $0 <include-dir> [extra g++ flags...]}
shift
drv=$(cd "$(dirname "$0")/.." && pwd)/node_modules/better-sqlite3-multiple-ciphers
exec nice "${CXX:-g++}" -std=c++20 -fsyntax-only -fno-rtti -fno-exceptions \
  -DNODE_GYP_MODULE_NAME=better_sqlite3 -DUSING_UV_SHARED=1 -DUSING_V8_SHARED=1 \
  -DV8_DEPRECATION_WARNINGS=1 -D_GLIBCXX_USE_CXX11_ABI=1 -D_FILE_OFFSET_BITS=64 \
  -D_LARGEFILE_SOURCE -D__STDC_FORMAT_MACROS -DBUILDING_NODE_EXTENSION -DNDEBUG \
  "$@" -I"$inc" -I"$drv/deps/sqlite3" "$drv/src/better_sqlite3.cpp"
