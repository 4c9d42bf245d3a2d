#!/usr/bin/env bash
# Builds the sample IIS modules in samples/cpp into DLLs, for x64, x86 and ARM64, with clang-cl and
# lld-link against the Windows SDK from NuGet. CRT-free and /Brepro: the same sources give
# byte-identical DLLs, which tests check against the committed samples/bin.
#
#   bash samples/build.sh [--out DIR] [--maps DIR] [--od]
#     --out   where the DLLs go (default: samples/bin)
#     --maps  also write linker maps there (the ground truth of the binary recovery tests)
#     --od    build without optimisation (/Od), as a debug build spills everything to the stack
#     --gr    build with RTTI (/GR), which names every polymorphic class in the image
#     --guard-cf  build with Control Flow Guard (/guard:cf): indirect calls go through the CRT's guard pointers
#     --msvc-debug  an /Od build given the shapes of an MSVC Debug build (incremental-linking thunks, /RTC1, /JMC, /GS)
#                   by samples/toolchain/msvc-debug-shapes.awk
#     --mingw   build with g++-mingw-w64 (the Itanium C++ ABI) instead, -O2 or with --od -O0; --maps then writes
#               each DLL's symbols (nm) as NAME.nm
#     --only "NAME ..."  build only these samples
#     --arch "ARCH ..."  build only these architectures (x64 x86 arm64, the default)
#
# Needs: clang-19 lld-19 llvm-19, and lld-22 for the ARM64EC and ARM64X images (Debian), and the .NET SDK (to restore
# the Windows SDK package).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/bin"
maps=""
optimisation=/O2
rtti=/GR-
guard=""
debug_shapes=""
mingw=""
only=""
architectures="x64 x86 arm64"
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --maps) maps="$2"; shift 2 ;;
    --od) optimisation=/Od; shift ;;
    --gr) rtti=/GR; shift ;;
    --guard-cf) guard=/guard:cf; shift ;;
    --msvc-debug) debug_shapes=1; optimisation=/Od; shift ;;
    --mingw) mingw=1; shift ;;
    --only) only=" $2 "; shift 2 ;;
    --arch) architectures="$2"; shift 2 ;;
    *) echo "build.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

for tool in clang-cl-19 lld-link-19 llvm-dlltool-19; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool not found; install clang-19 lld-19 llvm-19" >&2; exit 2; }
done
if [ -n "$mingw" ]; then
  for tool in x86_64-w64-mingw32-g++ i686-w64-mingw32-g++; do
    command -v "$tool" >/dev/null || { echo "build.sh: $tool not found; install g++-mingw-w64-x86-64-win32 g++-mingw-w64-i686-win32" >&2; exit 2; }
  done
fi

work="$here/obj${optimisation#/}${rtti#/}${guard:+cf}${debug_shapes:+msvc}${mingw:+mingw}"
mkdir -p "$work" "$out"

# The Windows SDK from NuGet.
dotnet restore "$here/toolchain/WindowsSdk.proj" --nologo -v quiet >/dev/null
packages="$(dotnet msbuild "$here/toolchain/WindowsSdk.proj" -nologo -getProperty:NuGetPackageRoot)"
sdk_include="$packages/microsoft.windows.sdk.cpp/10.0.26100.9457/c/Include/10.0.26100.0"
sdk_lib_x64="$packages/microsoft.windows.sdk.cpp.x64/10.0.26100.9169/c/um/x64"
[ -f "$sdk_include/um/httpserv.h" ] || { echo "build.sh: httpserv.h not found under $sdk_include" >&2; exit 2; }

# The SDK's file names are mixed case (Windows.h, WinNT.h) while its own #includes are not:
# a case-insensitive clang VFS overlay makes them resolve on a case-sensitive file system.
overlay="$work/sdk-overlay.json"
bash "$here/toolchain/make-vfs-overlay.sh" "$sdk_include/um" "$sdk_include/shared" "$sdk_include/ucrt" > "$overlay"

# Import libraries: x64 kernel32 from the SDK package; x86 and ARM64 kernel32 and the debug runtime made here.
mkdir -p "$work/lib/x64" "$work/lib/x86" "$work/lib/arm64"
cp "$sdk_lib_x64/kernel32.Lib" "$work/lib/x64/kernel32.lib"
llvm-dlltool-19 -m i386 -k -d "$here/toolchain/kernel32-x86.def" -l "$work/lib/x86/kernel32.lib"
llvm-dlltool-19 -m i386:x86-64 -d "$here/toolchain/vcruntime140d.def" -l "$work/lib/x64/vcruntime140d.lib"
llvm-dlltool-19 -m i386 -d "$here/toolchain/vcruntime140d.def" -l "$work/lib/x86/vcruntime140d.lib"
# ARM64 has no decorated names: the same functions, their x86 @N suffixes dropped.
sed 's/@[0-9]*$//' "$here/toolchain/kernel32-x86.def" > "$work/lib/arm64/kernel32.def"
llvm-dlltool-19 -m arm64 -d "$work/lib/arm64/kernel32.def" -l "$work/lib/arm64/kernel32.lib"
llvm-dlltool-19 -m arm64 -d "$here/toolchain/vcruntime140d.def" -l "$work/lib/arm64/vcruntime140d.lib"

# Warnings are shown, not fatal: the broken samples are broken on purpose (hidden overloads, odd casts).
compile_flags=(/nologo /c "$optimisation" /Oi- /GS- "$rtti" $guard /Zl /Brepro /W4 -Wno-overloaded-virtual
  -vfsoverlay "$overlay"
  -imsvc "$here/../src/Analyzer/FrontEnds/Cpp/MsvcStandIn" -imsvc "$sdk_include/um" -imsvc "$sdk_include/shared" -imsvc "$sdk_include/ucrt")

# build_sample NAME ARCH [extra link arguments...]; SOURCES (relative to the sample) overrides *.cpp.
build_sample() {
  local name="$1" arch="$2"; shift 2
  [ -z "$only" ] || [[ "$only" == *" $name "* ]] || return 0
  local sources=("$here/cpp/$name"/*.cpp)
  if [ -n "${SOURCES:-}" ]; then
    sources=()
    for source in $SOURCES; do sources+=("$here/cpp/$name/$source"); done
  fi
  local includes=()
  [ -d "$here/cpp/$name/include" ] && includes=(-imsvc "$here/cpp/$name/include")
  local target machine
  case "$arch" in
    x64) target=x86_64-pc-windows-msvc; machine=X64 ;;
    x86) target=i686-pc-windows-msvc; machine=X86 ;;
    arm64) target=aarch64-pc-windows-msvc; machine=ARM64 ;;
    arm64ec) target=arm64ec-pc-windows-msvc; machine=ARM64EC ;;
  esac
  # lld-link 19 cannot link ARM64EC images; 22 can.
  local linker=lld-link-19
  [ "$arch" = arm64ec ] && linker=lld-link-22
  local objdir="$work/$arch/$name"
  mkdir -p "$objdir" "$out/$arch"
  local objects=()
  [ "$optimisation" = /Od ] && [ "$name" != debug-crt ] && sources+=("$here/cpp/common/od_memset.cpp")
  [ "$rtti" = /GR ] && sources+=("$here/cpp/common/rtti_type_info.cpp")
  [ -n "$guard" ] && sources+=("$here/cpp/common/guard_cf_support.c")
  [ -n "$debug_shapes" ] && sources+=("$here/cpp/common/msvc_debug_support.c")
  [ "$arch" = arm64ec ] && sources+=("$here/cpp/common/arm64ec_support.c")
  local pch="$work/pch/$arch/iis_module.pch"
  if [ ! -f "$pch" ]; then
    # windows.h and httpserv.h are most of each compile: precompiled once per architecture and variant, and used by
    # every source that includes iis_module.h first (the objects are byte-identical to those built without it).
    mkdir -p "$(dirname "$pch")"
    echo '#include "iis_module.h"' > "$work/pch/$arch/iis_module_pch.cpp"
    clang-cl-19 --target="$target" /std:c++17 "${compile_flags[@]}" -imsvc "$here/cpp/common" /Yciis_module.h /FIiis_module.h \
      "/Fp$pch.tmp" "/Fo$work/pch/$arch/iis_module_pch.obj" -- "$work/pch/$arch/iis_module_pch.cpp"
    mv "$pch.tmp" "$pch"
  fi
  for source in "${sources[@]}" "$here/cpp/common/crt_free.cpp"; do
    local object="$objdir/$(basename "${source%.cpp}").obj"
    local language=(/std:c++17)
    [[ "$source" == *.c ]] && language=()
    # A source whose first directive is an #include sees the same headers with the PCH forced in first; one that
    # defines macros before its first #include (to shape windows.h) is compiled without it.
    if [[ "$source" == *.cpp ]] && [ "$(awk '/^[ \t]*#/ { print ($0 ~ /^[ \t]*#[ \t]*include/) ? "yes" : "no"; exit }' "$source")" = yes ]; then
      language+=(-imsvc "$here/cpp/common" /Yuiis_module.h /FIiis_module.h "/Fp$pch")
    fi
    if [ -n "$debug_shapes" ] && [[ "$source" == "$here/cpp/$name/"* ]]; then
      # The module's own code gets MSVC's Debug shapes: compile to assembly, reshape, assemble.
      clang-cl-19 --target="$target" "${language[@]}" "${compile_flags[@]}" "${includes[@]}" /FA "/Fa${object%.obj}.s" "/Fo$object" -- "$source"
      awk -v arch="$arch" -f "$here/toolchain/msvc-debug-shapes.awk" "${object%.obj}.s" > "${object%.obj}-debug.s"
      llvm-mc-19 -filetype=obj -triple "$target" -o "$object" "${object%.obj}-debug.s"
    else
      clang-cl-19 --target="$target" "${language[@]}" "${compile_flags[@]}" "${includes[@]}" "/Fo$object" -- "$source"
    fi
    objects+=("$(basename "$object")")
  done
  local link=(/nologo /Brepro /NODEFAULTLIB /MACHINE:$machine "/LIBPATH:$work/lib/$arch" kernel32.lib $guard)
  [ -f "$here/cpp/$name/$name.def" ] && link+=("/DEF:$here/cpp/$name/$name.def")
  # The linker map is the ground truth the binary recovery is tested against (vtables, base defaults).
  [ -n "$maps" ] && mkdir -p "$maps/$arch" && link+=("/MAP:$maps/$arch/$name.map")
  # Objects are named relative to objdir: lld-link, like link.exe, would read "/work/..." as an option.
  (cd "$objdir" && "$linker" "${link[@]}" "$@" "${objects[@]}")
}

# g++-mingw-w64 sees the SDK's httpserv.h (and the ahadmin.h it includes) beside its own Windows headers.
mingw_include="$work/mingw-include"
mkdir -p "$mingw_include"
ln -sf "$sdk_include/um/httpserv.h" "$mingw_include/httpserv.h"
ln -sf "$sdk_include/um/ahadmin.h" "$mingw_include/ahadmin.h"

# build_sample_mingw NAME ARCH: a module with a .def file, linked as mingw links a DLL (static libgcc and libstdc++).
build_sample_mingw() {
  local name="$1" arch="$2"
  [ -z "$only" ] || [[ "$only" == *" $name "* ]] || return 0
  [ -f "$here/cpp/$name/$name.def" ] || return 0
  local sources=("$here/cpp/$name"/*.cpp)
  [ -n "${SOURCES:-}" ] && { sources=(); for source in $SOURCES; do sources+=("$here/cpp/$name/$source"); done; }
  local includes=()
  [ -d "$here/cpp/$name/include" ] && includes=(-I "$here/cpp/$name/include")
  local compiler=x86_64-w64-mingw32-g++ nm=x86_64-w64-mingw32-nm stdcall=()
  # x86 stdcall: the .def names RegisterModule, the object _RegisterModule@12.
  [ "$arch" = x86 ] && compiler=i686-w64-mingw32-g++ nm=i686-w64-mingw32-nm stdcall=(-Wl,--enable-stdcall-fixup)
  local level=-O2
  [ "$optimisation" = /Od ] && level=-O0
  local flags=(-std=c++17 "$level" -Wno-attributes -I "$mingw_include")
  # windows.h and httpserv.h cost g++ most of a second and a half per file: precompile them once per architecture,
  # with the shim first, and force-include that header (the samples' own #include of it then finds it done).
  local pch="$work/mingw-pch/$arch/iis_module_pch.h"
  if [ ! -f "$pch.gch" ]; then
    mkdir -p "$(dirname "$pch")"
    printf '#include "%s"\n#include "%s"\n' "$here/toolchain/mingw/sdk-shim.h" "$here/cpp/common/iis_module.h" > "$pch"
    "$compiler" "${flags[@]}" -x c++-header -o "$pch.gch.tmp" "$pch"
    mv "$pch.gch.tmp" "$pch.gch"
  fi
  mkdir -p "$out/$arch"
  "$compiler" "${flags[@]}" -include "$pch" "${includes[@]}" -shared -static-libgcc -static-libstdc++ \
    -Wl,--no-insert-timestamp "${stdcall[@]}" -o "$out/$arch/$name.dll" \
    "${sources[@]}" "$here/cpp/common/crt_free.cpp" "$here/cpp/$name/$name.def"
  [ -z "$maps" ] || { mkdir -p "$maps/$arch" && "$nm" "$out/$arch/$name.dll" > "$maps/$arch/$name.nm"; }
}

build_arch() {
  local arch="$1"
  if [ -n "$mingw" ]; then
    for name in request-module request-and-global shapes-module missing-handler wrong-signature unregistered-handler post-without-event \
        mixed-masks priorities bad-returns pending-forever allocator-dispose win32-only-bug; do
      build_sample_mingw "$name" "$arch"
    done
    SOURCES="src/handlers.cpp src/factory.cpp src/register.cpp" build_sample_mingw split-module "$arch"
    return
  fi
  for name in request-module request-and-global dllexport-module mangled-export no-export ordinal-only cdecl-register shapes-module \
      missing-handler wrong-signature unregistered-handler post-without-event mixed-masks priorities bad-returns pending-forever allocator-dispose \
      win32-only-bug; do
    build_sample "$name" "$arch" /DLL /NOENTRY "/OUT:$out/$arch/$name.dll"
  done
  SOURCES="src/handlers.cpp src/factory.cpp src/register.cpp" build_sample split-module "$arch" /DLL /NOENTRY "/OUT:$out/$arch/split-module.dll"
  build_sample global-module "$arch" /DLL /NOENTRY /EXPORT:RegisterModule "/OUT:$out/$arch/global-module.dll"
  build_sample debug-crt "$arch" /DLL /NOENTRY vcruntime140d.lib "/OUT:$out/$arch/debug-crt.dll"
  build_sample exe-module "$arch" /SUBSYSTEM:CONSOLE /ENTRY:ModuleMain "/OUT:$out/$arch/exe-module.dll"
  if [ "$arch" = x86 ]; then
    # mingw-style decorated names only arise for x86 stdcall.
    build_sample decorated-def-export x86 /DLL /NOENTRY "/OUT:$out/x86/decorated-def-export.dll"
  else
    # On x86 lld-link decorates a .def forwarder's target (_ModuleHost.RegisterModule), which link.exe does not.
    build_sample forwarded-export "$arch" /DLL /NOENTRY "/OUT:$out/$arch/forwarded-export.dll"
  fi
}

# The architectures build side by side; any failing fails the build.
builds=()
for arch in $architectures; do
  # mingw has no ARM64 target here, and the MSVC Debug shapes are x86/x64 assembly.
  [ -n "$mingw$debug_shapes" ] && [ "$arch" = arm64 ] && continue
  build_arch "$arch" & builds+=($!)
done
for build in "${builds[@]}"; do
  wait "$build"
done

# link_arm64x NAME: one ARM64X image of a sample, its native half from the ARM64 objects (with the load configuration
# that marks it hybrid) and its ARM64EC half from the arm64ec objects, each exporting RegisterModule.
link_arm64x() {
  local name="$1" objdir="$work/arm64x/$1"
  mkdir -p "$objdir" "$out/arm64x"
  clang-cl-19 --target=aarch64-pc-windows-msvc "${compile_flags[@]}" "/Fo$objdir/arm64ec_support.obj" -- "$here/cpp/common/arm64ec_support.c"
  local definition="$here/cpp/$name/$name.def"
  local link=(/nologo /Brepro /NODEFAULTLIB /MACHINE:ARM64X "/LIBPATH:$work/lib/arm64x" kernel32.lib /DLL /NOENTRY
    "/DEF:$definition" "/DEFARM64NATIVE:$definition" "/OUT:$out/arm64x/$name.dll")
  [ -n "$maps" ] && mkdir -p "$maps/arm64x" && link+=("/MAP:$maps/arm64x/$name.map")
  local native=() ec=()
  for object in "$work/arm64/$name"/*.obj; do native+=("../../arm64/$name/$(basename "$object")"); done
  for object in "$work/arm64ec/$name"/*.obj; do ec+=("../../arm64ec/$name/$(basename "$object")"); done
  # lld-link 22 warns that the stand-in metadata is not the CRT's __chpe_metadata: expected here.
  (cd "$objdir" && lld-link-22 "${link[@]}" "${native[@]}" arm64ec_support.obj "${ec[@]}" 2>&1 | grep -v "'__chpe_metadata' is missing" >&2 || true)
  [ -f "$out/arm64x/$name.dll" ]
}

# Hybrid images (ARM64EC, ARM64X) of two samples, in the committed build only: they get an architecture verdict, and the
# ARM64X ones their native code recovered.
if [ "$optimisation$rtti$guard$debug_shapes$mingw" = "/O2/GR-" ] && [[ " $architectures " == *" arm64 "* ]]; then
  command -v lld-link-22 >/dev/null || { echo "build.sh: lld-link-22 not found; install lld-22 (it links ARM64EC and ARM64X images)" >&2; exit 2; }
  mkdir -p "$work/lib/arm64ec" "$work/lib/arm64x"
  llvm-dlltool-19 -m arm64ec -d "$work/lib/arm64/kernel32.def" -l "$work/lib/arm64ec/kernel32.lib"
  llvm-dlltool-19 -m arm64ec -d "$work/lib/arm64/kernel32.def" -N "$work/lib/arm64/kernel32.def" -l "$work/lib/arm64x/kernel32.lib"
  for name in request-module missing-handler; do
    build_sample "$name" arm64ec /DLL /NOENTRY "/OUT:$out/arm64ec/$name.dll"
    [ -z "$only" ] || [[ "$only" == *" $name "* ]] || continue
    link_arm64x "$name"
  done
fi

# lld-link writes import libraries (.lib/.exp) beside DLLs that export; they are not samples.
find "$out" \( -name '*.lib' -o -name '*.exp' \) -delete
echo "built $(find "$out" -name "*.dll" | wc -l) sample modules into $out"
