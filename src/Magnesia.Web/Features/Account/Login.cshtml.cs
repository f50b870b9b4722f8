using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Magnesia.Web.Features.Account;

/// <summary>Sign-in with a cookie (lockout after repeated failures), rate-limited.</summary>
[EnableRateLimiting(Accounts.AuthLimit)]
public sealed class LoginModel(SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users) : PageModel
{
    [BindProperty] public CredentialsForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        // The same answer, in about the same time, for an unknown address, a wrong password and a locked account.
        await AuthAnswers.EvenOutAsync(users, Input.Email, Input.Password);
        var result = await signIn.PasswordSignInAsync(Input.Email!, Input.Password!, isPersistent: true, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("Input.Password", $"{char.ToUpperInvariant(AuthAnswers.SignInFailed[0])}{AuthAnswers.SignInFailed[1..]}.");
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/today");
    }
}
