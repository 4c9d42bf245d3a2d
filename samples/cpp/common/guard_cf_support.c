// With /guard:cf the compiler routes every indirect call through a pointer that the C runtime normally provides:
// __guard_dispatch_icall_fptr on x64 (the target in RAX; the pointer starts at a 'jmp rax' stub) and
// __guard_check_icall_fptr on x86 (the target in ECX; it starts at a 'ret'), and the loader swaps in its own checks.
// The load configuration directory (_load_config_used, as the CRT's loadcfg.c defines it) tells the loader, and the
// binary recovery, where those pointers are. build.sh links this into /guard:cf builds
// only. It is C, as loadcfg.c is: C++ would initialise the directory at run time.
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

// Written by lld-link and link.exe when they link with /guard:cf.
extern void* __guard_fids_table[];
extern ULONG __guard_fids_count;
extern void* __guard_longjmp_table[];
extern ULONG __guard_longjmp_count;

void __fastcall _guard_check_icall_nop(uintptr_t target) { (void)target; }

#if defined(_M_X64)
void _guard_dispatch_icall_nop(void);
__asm__(".globl _guard_dispatch_icall_nop\n_guard_dispatch_icall_nop:\n    jmp rax\n");
#endif

// Read-only once loaded: the section the CRT uses for them.
#pragma section(".00cfg", read)
__declspec(allocate(".00cfg")) void* volatile __guard_check_icall_fptr = (void*)&_guard_check_icall_nop;
#if defined(_M_X64)
__declspec(allocate(".00cfg")) void* volatile __guard_dispatch_icall_fptr = (void*)&_guard_dispatch_icall_nop;
#endif

// The flags say what the linker's tables hold (clang cannot take an address's low half as a constant, as MSVC's
// (DWORD)&__guard_flags does): instrumented, with the tables of valid call and longjmp targets.
const IMAGE_LOAD_CONFIG_DIRECTORY _load_config_used = {
    .Size = sizeof(IMAGE_LOAD_CONFIG_DIRECTORY),
    .GuardCFCheckFunctionPointer = (ULONG_PTR)&__guard_check_icall_fptr,
#if defined(_M_X64)
    .GuardCFDispatchFunctionPointer = (ULONG_PTR)&__guard_dispatch_icall_fptr,
#endif
    .GuardCFFunctionTable = (ULONG_PTR)&__guard_fids_table,
    .GuardCFFunctionCount = (ULONG_PTR)&__guard_fids_count,
    .GuardFlags = IMAGE_GUARD_CF_INSTRUMENTED | IMAGE_GUARD_CF_FUNCTION_TABLE_PRESENT | IMAGE_GUARD_CF_LONGJUMP_TABLE_PRESENT,
    .GuardLongJumpTargetTable = (ULONG_PTR)&__guard_longjmp_table,
    .GuardLongJumpTargetCount = (ULONG_PTR)&__guard_longjmp_count,
};
