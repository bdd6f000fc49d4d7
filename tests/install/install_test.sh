#!/usr/bin/env bash
# `cmake --install` into a scratch prefix, then programs built against the
# installed tree alone, as a user of the library builds them:
#
#   install_test.sh BUILD_DIR SOURCE_DIR GENERATOR CXX CC
#
# 1. the tools, headers, libraries, CMake package and pkg-config files are
#    installed, none of them refers to the build or the source tree, the
#    shared libraries hold all of wang they need, and libwang-ipasir.so
#    exports the IPASIR functions and nothing else;
# 2. the tree is moved elsewhere (it must not depend on its prefix);
# 3. docs/examples is configured as a project of its own with
#    find_package(wang), built, and every example run and checked
#    (run_example.sh) with the installed wang-check; two of them again
#    against the static targets;
# 4. the examples again, compiled by hand with pkg-config's flags, against
#    the shared libraries and against the static ones;
# 5. the IPASIR application tests/ipasir/bmc.c, compiled as C against
#    libwang-ipasir.a, answers like the installed wang.
set -uo pipefail
build="$(cd "$1" && pwd)"; source="$(cd "$2" && pwd)"; generator="$3"; cxx="$4"; cc="$5"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
step() { echo "== $*"; }

step "install"
cmake --install "$build" --prefix "$work/staged" > "$work/install.log" || { cat "$work/install.log"; exit 1; }
prefix="$work/prefix"
mv "$work/staged" "$prefix"
libdir="$(cd "$prefix" && ls -d lib lib64 lib/*-linux-gnu 2>/dev/null | while read -r d; do [ -e "$d/libwang.so" ] && echo "$d"; done | head -1)"
[ -n "$libdir" ] || { fail "no libwang.so installed"; find "$prefix"; exit 1; }
for file in bin/wang bin/wang-check include/wang/sat.hpp include/wang/smt.hpp include/wang/smt_ops.def \
            include/wang/bitvector.hpp include/wang/ipasir.h "$libdir/libwang.a" "$libdir/libwang.so" \
            "$libdir/libwang-ipasir.a" "$libdir/libwang-ipasir.so" "$libdir/cmake/wang/wangConfig.cmake" \
            "$libdir/cmake/wang/wangConfigVersion.cmake" "$libdir/pkgconfig/wang.pc" "$libdir/pkgconfig/wang-ipasir.pc"; do
  [ -e "$prefix/$file" ] || fail "$file is not installed"
done
if grep -rlF -e "$build" -e "$source" "$prefix/$libdir/cmake" "$prefix/$libdir/pkgconfig"; then
  fail "installed files above name the build or the source tree"
fi
# Every layer libwang needs is inside it: nothing of wang is left for the
# application to find elsewhere.
for library in libwang.so libwang-ipasir.so; do
  missing="$(nm -uC "$prefix/$libdir/$library" | grep -c 'wang::')"
  [ "$missing" = 0 ] || fail "$library needs $missing symbols of wang it does not hold: $(nm -uC "$prefix/$libdir/$library" | grep 'wang::' | head -3)"
done
exported="$(nm -D --defined-only "$prefix/$libdir/libwang-ipasir.so" | awk '$2 == "T" {print $3}' | sort)"
expected_exports="$(printf 'ipasir_%s\n' add assume failed init release set_learn set_terminate signature solve val | sort)"
[ "$exported" = "$expected_exports" ] || fail "libwang-ipasir.so exports: $(echo $exported)"
wang="$prefix/bin/wang"; wang_check="$prefix/bin/wang-check"
"$wang" --version > /dev/null || fail "the installed wang does not run"

step "find_package(wang): docs/examples as a project of its own"
examples="$work/examples"
if cmake -S "$source/docs/examples" -B "$examples" -G "$generator" -DCMAKE_BUILD_TYPE=Release \
     -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_C_COMPILER="$cc" > "$work/configure.log" 2>&1 &&
   cmake --build "$examples" > "$work/build.log" 2>&1; then
  for expected in "$source"/docs/examples/*.expected; do
    name="$(basename "$expected" .expected)"
    "$here/run_example.sh" "$examples/$name" "$expected" "$wang_check" || fail "example $name (CMake)"
  done
else
  cat "$work/configure.log" "$work/build.log"
  fail "docs/examples does not build against the installed package"
fi

step "find_package(wang): the static targets wang::wang_static and wang::ipasir_static"
static_project="$work/static-project"
mkdir -p "$static_project"
cat > "$static_project/CMakeLists.txt" <<EOF
cmake_minimum_required(VERSION 3.25)
project(wang_static_use LANGUAGES C CXX)
find_package(wang 0.1 REQUIRED)
add_executable(sat_core "$source/docs/examples/sat_core.cpp")
target_link_libraries(sat_core PRIVATE wang::wang_static)
add_executable(ipasir_coloring "$source/docs/examples/ipasir_coloring.c")
target_link_libraries(ipasir_coloring PRIVATE wang::ipasir_static)
EOF
if cmake -S "$static_project" -B "$static_project/build" -G "$generator" -DCMAKE_BUILD_TYPE=Release \
     -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_C_COMPILER="$cc" > "$work/configure.log" 2>&1 &&
   cmake --build "$static_project/build" > "$work/build.log" 2>&1; then
  for name in sat_core ipasir_coloring; do
    binary="$static_project/build/$name"
    ! ldd "$binary" | grep -q "libwang" || fail "$name (static target) needs $(ldd "$binary" | grep libwang)"
    "$here/run_example.sh" "$binary" "$source/docs/examples/$name.expected" "$wang_check" > /dev/null ||
      fail "example $name (CMake, static target)"
  done
else
  cat "$work/configure.log" "$work/build.log"
  fail "the static targets do not build against the installed package"
fi

step "pkg-config: the examples against the shared and the static libraries"
export PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig"
rpath="-Wl,-rpath,$prefix/$libdir"
for expected in "$source"/docs/examples/*.expected; do
  name="$(basename "$expected" .expected)"
  if [ -e "$source/docs/examples/$name.c" ]; then
    compile=("$cc" "$source/docs/examples/$name.c") package=wang-ipasir library=wang-ipasir
  else
    compile=("$cxx" -std=c++20 "$source/docs/examples/$name.cpp") package=wang library=wang
  fi
  read -r -a cflags <<< "$(pkg-config --cflags "$package")"
  read -r -a shared_libs <<< "$(pkg-config --libs "$package")"
  static_flags="$(pkg-config --static --libs "$package")"
  read -r -a static_libs <<< "${static_flags/-l$library/-l:lib$library.a}"
  for kind in shared static; do
    if [ "$kind" = shared ]; then libs=("${shared_libs[@]}" "$rpath"); else libs=("${static_libs[@]}"); fi
    binary="$work/$name-$kind"
    if ! "${compile[@]}" "${cflags[@]}" -o "$binary" "${libs[@]}" 2> "$work/compile.log"; then
      cat "$work/compile.log"; fail "$name does not compile with pkg-config ($kind)"; continue
    fi
    needs_shared="$(ldd "$binary" | grep -c "lib$library\.so")"
    [ "$needs_shared" = "$([ "$kind" = shared ] && echo 1 || echo 0)" ] || fail "$name-$kind: ldd says $(ldd "$binary" | grep "lib$library")"
    "$here/run_example.sh" "$binary" "$expected" "$wang_check" > /dev/null || fail "example $name (pkg-config, $kind)"
  done
done

step "IPASIR: tests/ipasir/bmc.c against libwang-ipasir.a, compared with the installed wang"
read -r -a cflags <<< "$(pkg-config --cflags wang-ipasir)"
static_flags="$(pkg-config --static --libs wang-ipasir)"
read -r -a static_libs <<< "${static_flags/-lwang-ipasir/-l:libwang-ipasir.a}"
if "$cc" -std=c99 -Wall -Wextra -pedantic "$source/tests/ipasir/bmc.c" "${cflags[@]}" -o "$work/bmc" "${static_libs[@]}"; then
  "$source/tests/ipasir/bmc_vs_cli.sh" "$work/bmc" "$wang" 12 0 20 16 || fail "bmc against the installed wang"
else
  fail "tests/ipasir/bmc.c does not compile against the installed ipasir.h"
fi

echo "$failures failures"
[ "$failures" -eq 0 ]
