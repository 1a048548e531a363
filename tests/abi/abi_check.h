/* Small check helpers shared by the C ABI test sources. */
#ifndef ZEST_TESTS_ABI_CHECK_H
#define ZEST_TESTS_ABI_CHECK_H

extern int abi_failures;
extern int abi_checks;

void abi_check_u(unsigned long long actual, unsigned long long expected,
                 const char* what, const char* file, int line);
void abi_check_true(int cond, const char* what, const char* file, int line);

/* Compare an integer expression with its expected value. */
#define EXPECT(actual, expected) \
    abi_check_u((unsigned long long)(actual), (unsigned long long)(expected), #actual, __FILE__, __LINE__)
/* Record a boolean check with a description. */
#define EXPECT_TRUE(cond, what) abi_check_true((cond) ? 1 : 0, (what), __FILE__, __LINE__)

/* 1 if the (unevaluated) expression has type T. */
#define TYPE_IS(expr, T) _Generic((expr), T: 1, default: 0)

#define ABI_STR(x) #x
#define ABI_XSTR(x) ABI_STR(x)

#endif
