# Gives clang-cl's /Od assembly (Intel syntax, /FA) the shapes of an MSVC Debug build (/ZI /RTC1 /JMC /GS, linked
# /INCREMENTAL), which cannot be built here:
#   - every direct call and every vtable slot goes through a 'jmp' thunk, as through link.exe's incremental-linking
#     table (ILT);
#   - each function starts by filling a stack area with 0xCCCCCCCC ('rep stos', /RTC1) and calling
#     __CheckForDebuggerJustMyCode with the file's flag (/JMC), and loads the security cookie (/GS);
#   - on x86, each indirect call is followed by a call to _RTC_CheckEsp (after the caller's 'add esp, N', as MSVC does);
#   - each return is preceded by a call to __security_check_cookie.
# The helpers themselves come from samples/cpp/common/msvc_debug_support.c. Usage:
#   awk -v arch=x86|x64 -f msvc-debug-shapes.awk module.s > module-debug.s

function ilt(symbol) {
    if (symbol ~ /^"/) {
        thunk = "\"__ilt_" substr(symbol, 2)
    } else {
        thunk = "__ilt_" symbol
    }
    thunks[thunk] = symbol
    return thunk
}

function helper(name) {
    return ilt(arch == "x86" ? decorated[name] : undecorated[name])
}

function debug_prologue() {
    if (arch == "x86") {
        print "\tpush\tecx"
        print "\tpush\tedx"
        print "\tpush\tedi"
        print "\tsub\tesp, 64"
        print "\tlea\tedi, [esp]"
        print "\tmov\tecx, 16"
        print "\tmov\teax, -858993460"
        print "\trep stosd"
        print "\tmov\teax, dword ptr [___security_cookie]"
        print "\txor\teax, esp"
        print "\tmov\tdword ptr [esp + 60], eax"
        print "\tlea\tecx, [__jmc_flag]"
        print "\tcall\t" helper("jmc")
        print "\tadd\tesp, 64"
        print "\tpop\tedi"
        print "\tpop\tedx"
        print "\tpop\tecx"
    } else {
        print "\tpush\trcx"
        print "\tpush\trdx"
        print "\tpush\tr8"
        print "\tpush\tr9"
        print "\tpush\trdi"
        print "\tsub\trsp, 64"
        print "\tlea\trdi, [rsp + 32]"
        print "\tmov\tecx, 8"
        print "\tmov\teax, 3435973836"
        print "\trep stosd"
        print "\tmov\trax, qword ptr [rip + __security_cookie]"
        print "\txor\trax, rsp"
        print "\tmov\tqword ptr [rsp + 56], rax"
        print "\tlea\trcx, [rip + __jmc_flag]"
        print "\tcall\t" helper("jmc")
        print "\tadd\trsp, 64"
        print "\tpop\trdi"
        print "\tpop\tr9"
        print "\tpop\tr8"
        print "\tpop\trdx"
        print "\tpop\trcx"
    }
}

function check_esp() {
    print "\tcall\t" helper("checkesp")
    pending_check = 0
}

BEGIN {
    decorated["jmc"] = "@__CheckForDebuggerJustMyCode@4"
    decorated["checkesp"] = "__RTC_CheckEsp"
    decorated["cookie"] = "@__security_check_cookie@4"
    undecorated["jmc"] = "__CheckForDebuggerJustMyCode"
    undecorated["cookie"] = "__security_check_cookie"
    in_vtable = 0
}

{
    line = $0
    if (pending_check) {
        # MSVC checks ESP after the caller has popped a cdecl call's arguments.
        if (line ~ /^\tadd\tesp, [0-9]+/) {
            print line
            check_esp()
            next
        }
        check_esp()
    }
    if (line ~ /^\t\.section\t/) {
        in_vtable = (line ~ /"\?\?_7/)
    }
    if (in_vtable && line ~ /^\t\.(long|quad)\t/) {
        split(line, field, "\t")
        print "\t." (arch == "x86" ? "long" : "quad") "\t" ilt(field[3])
        next
    }
    if (line ~ /^\tret/ && !in_vtable) {
        if (arch == "x86") {
            print "\tmov\tecx, dword ptr [___security_cookie]"
        } else {
            print "\tmov\trcx, qword ptr [rip + __security_cookie]"
        }
        print "\tcall\t" helper("cookie")
        print line
        next
    }
    if (line ~ /^\tcall\t/) {
        target = substr(line, 7)
        sub(/[ \t]*#.*$/, "", target)
        if (target ~ /ptr \[__imp_/ || target ~ /ptr \[rip \+ __imp_/) {
            print line   # an import: called through the IAT, not the ILT
        } else if (target ~ /ptr \[/ || target ~ /^[er]?[a-d]x$|^[er]?[sd]i$|^r[0-9]+$/) {
            print line
            pending_check = (arch == "x86")
        } else {
            print "\tcall\t" ilt(target)
        }
        next
    }
    print line
    if ((arch == "x86" && line ~ /^# %bb\.0:/) || (arch == "x64" && line ~ /^\t\.seh_endprologue/)) {
        debug_prologue()
    }
}

END {
    # The thunk table: one COMDAT per thunk, so objects that share a function share its thunk.
    for (thunk in thunks) {
        print "\t.section\t.text$ilt,\"xr\",discard," thunk
        print "\t.globl\t" thunk
        print thunk ":"
        print "\tjmp\t" thunks[thunk]
    }
    print "\t.section\t.msvcjmc,\"dw\""
    print "__jmc_flag:"
    print "\t.byte\t1"
}
