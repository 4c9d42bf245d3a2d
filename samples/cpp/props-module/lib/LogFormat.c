/* Formats W3C log fields; a plain C library with nothing of IIS in it. */
#include <stddef.h>

size_t LogFormatEscape(const char* in, char* out, size_t size)
{
    size_t n = 0;
    for (; in != NULL && *in != '\0' && n + 1 < size; in++)
    {
        out[n++] = (*in == ' ') ? '+' : *in;
    }
    if (size > 0)
    {
        out[n] = '\0';
    }
    return n;
}
