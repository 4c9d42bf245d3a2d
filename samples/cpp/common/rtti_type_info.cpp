// With /GR every class's RTTI type descriptor points at type_info's vftable, which the C runtime normally provides.
// build.sh links this into /GR builds only: RTTI is what the binary recovery reads class names from.
extern "C" const void* const type_info_vftable[1] __asm__("??_7type_info@@6B@") = { nullptr };
