// What an ARM64EC or ARM64X module gets from the C runtime, which the samples do not link: the pointers the loader
// fills with its ARM64EC entry points, the indirect-call helper, and a load configuration whose CHPEMetadataPointer
// marks the image as hybrid. The metadata here is a stand-in (its version only, no code map), so these DLLs would not
// run; they have the shape the validator reads (um/winnt.h: IMAGE_LOAD_CONFIG_DIRECTORY64.CHPEMetadataPointer).
// build.sh links this into the arm64ec objects and, compiled for ARM64, into the native half of the arm64x ones.
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#if defined(_M_ARM64EC)
void* __os_arm64x_dispatch_ret = 0;
void* __os_arm64x_dispatch_call_no_redirect = 0;
void* __os_arm64x_check_icall = 0;
void* __os_arm64x_dispatch_icall = 0;
void __icall_helper_arm64ec(void) {}
#endif

const ULONG chpe_metadata_stand_in[4] = {1};

const IMAGE_LOAD_CONFIG_DIRECTORY64 _load_config_used = {
    .Size = sizeof(IMAGE_LOAD_CONFIG_DIRECTORY64),
    .CHPEMetadataPointer = (ULONGLONG)&chpe_metadata_stand_in,
};
