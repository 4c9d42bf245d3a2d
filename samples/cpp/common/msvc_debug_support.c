// What MSVC's debug runtime libraries link into a /RTC1 /JMC /GS module, which a CRT-free sample brings itself:
// the Just My Code hook, the ESP check after calls, and the security cookie with its check. build.sh links it into
// --msvc-debug builds only, whose assembly samples/toolchain/msvc-debug-shapes.awk gives MSVC's Debug shapes.
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#if defined(_M_X64)
UINT_PTR __security_cookie = 0x00002B992DDFA232;
#else
UINT_PTR __security_cookie = 0xBB40E64E;
#endif

// Called at the start of every function with its file's flag; the debugger steps over code whose flag is clear.
void __fastcall __CheckForDebuggerJustMyCode(unsigned char* flag)
{
    if (*flag && IsDebuggerPresent())
    {
        *flag = 1;
    }
}

void __fastcall __security_check_cookie(UINT_PTR cookie)
{
    if (cookie != __security_cookie)
    {
        DebugBreak();
    }
}

#if defined(_M_IX86)
// After each indirect call, with the flags of 'cmp esi, esp': it must keep every register, EAX above all.
__declspec(naked) void _RTC_CheckEsp(void)
{
    __asm {
        jne esp_changed
        ret
    esp_changed:
        int 3
        ret
    }
}
#endif
