// Stand-in for ATL's cstringt.h: CStringT is declared in atlstr.h here.
#pragma once
#include <atlstr.h>
