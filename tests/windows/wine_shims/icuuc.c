/* Stand-in for the icuuc.dll Windows ships (see README.md): the 20 converter functions Qt6Core
   imports. No converter exists: ucnv_open fails with U_FILE_ACCESS_ERROR and Qt reports the
   encoding as unavailable. Every call is noted in the file named by ISODESK_ICU_STUB_LOG. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

typedef int UErrorCode;
#define U_FILE_ACCESS_ERROR 4
#define U_UNSUPPORTED_ERROR 16

static void note(const char *name)
{
    char path[MAX_PATH];
    DWORD n = GetEnvironmentVariableA("ISODESK_ICU_STUB_LOG", path, sizeof path);
    if (n == 0 || n >= sizeof path)
        return;
    FILE *f = fopen(path, "a");
    if (f) {
        fprintf(f, "%s\n", name);
        fclose(f);
    }
}

static void fail(UErrorCode *err, UErrorCode code)
{
    if (err && *err <= 0)
        *err = code;
}

void *ucnv_open(const char *name, UErrorCode *err) { note("ucnv_open"); fail(err, U_FILE_ACCESS_ERROR); return NULL; }
void ucnv_close(void *cnv) { note("ucnv_close"); }
void ucnv_reset(void *cnv) { note("ucnv_reset"); }
int ucnv_countAvailable(void) { note("ucnv_countAvailable"); return 0; }
const char *ucnv_getAvailableName(int n) { note("ucnv_getAvailableName"); return NULL; }
const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err)
{ note("ucnv_getStandardName"); fail(err, U_UNSUPPORTED_ERROR); return NULL; }
const char *ucnv_getName(const void *cnv, UErrorCode *err) { note("ucnv_getName"); fail(err, U_UNSUPPORTED_ERROR); return NULL; }
signed char ucnv_getMaxCharSize(const void *cnv) { note("ucnv_getMaxCharSize"); return 1; }
void ucnv_getToUCallBack(const void *cnv, void **action, const void **context) { note("ucnv_getToUCallBack"); if (action) *action = NULL; if (context) *context = NULL; }
void ucnv_getFromUCallBack(const void *cnv, void **action, const void **context) { note("ucnv_getFromUCallBack"); if (action) *action = NULL; if (context) *context = NULL; }
void ucnv_setToUCallBack(void *cnv, void *a, const void *c, void **oa, const void **oc, UErrorCode *err) { note("ucnv_setToUCallBack"); fail(err, U_UNSUPPORTED_ERROR); }
void ucnv_setFromUCallBack(void *cnv, void *a, const void *c, void **oa, const void **oc, UErrorCode *err) { note("ucnv_setFromUCallBack"); fail(err, U_UNSUPPORTED_ERROR); }
void ucnv_toUnicode(void *cnv, void **t, const void *tl, const char **s, const char *sl, int *o, signed char f, UErrorCode *err) { note("ucnv_toUnicode"); fail(err, U_UNSUPPORTED_ERROR); }
void ucnv_fromUnicode(void *cnv, char **t, const char *tl, const void **s, const void *sl, int *o, signed char f, UErrorCode *err) { note("ucnv_fromUnicode"); fail(err, U_UNSUPPORTED_ERROR); }
int ucnv_toUCountPending(const void *cnv, UErrorCode *err) { note("ucnv_toUCountPending"); fail(err, U_UNSUPPORTED_ERROR); return 0; }
int ucnv_fromUCountPending(const void *cnv, UErrorCode *err) { note("ucnv_fromUCountPending"); fail(err, U_UNSUPPORTED_ERROR); return 0; }
void ucnv_cbToUWriteUChars(void *args, const void *s, int length, int offset, UErrorCode *err) { note("ucnv_cbToUWriteUChars"); fail(err, U_UNSUPPORTED_ERROR); }
void ucnv_cbFromUWriteUChars(void *args, const void **s, const void *sl, int offset, UErrorCode *err) { note("ucnv_cbFromUWriteUChars"); fail(err, U_UNSUPPORTED_ERROR); }
void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *c, void *a, const void *u, int l, int cp, int r, UErrorCode *err) { note("UCNV_FROM_U_CALLBACK_SUBSTITUTE"); }
void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *c, void *a, const char *b, int l, int r, UErrorCode *err) { note("UCNV_TO_U_CALLBACK_SUBSTITUTE"); }
