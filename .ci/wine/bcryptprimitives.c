/* A stand-in for Windows' bcryptprimitives.dll, which Wine 8 lacks. Go's
 * runtime (1.24 and later) takes its random bytes from ProcessPrng there;
 * this one asks bcrypt.dll's system RNG, which Wine has. Used only by the
 * test harness (.ci/wine-env.sh), never shipped. */
#include <windows.h>

typedef LONG(WINAPI *genRandom)(void *alg, PUCHAR buf, ULONG len, ULONG flags);

#define BCRYPT_USE_SYSTEM_PREFERRED_RNG 0x00000002

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
	static genRandom gen;
	if (!gen) {
		HMODULE bcrypt = LoadLibraryA("bcrypt.dll");
		if (!bcrypt) return FALSE;
		gen = (genRandom)GetProcAddress(bcrypt, "BCryptGenRandom");
		if (!gen) return FALSE;
	}
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (gen(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0) return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
