using System.ComponentModel.DataAnnotations;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Magnesia.Web.Features.Account;

/// <summary>The e-mail address and password of a sign-in or registration form.</summary>
public sealed class CredentialsForm
{
    /// <summary>E-mail address.</summary>
    [Required, EmailAddress, StringLength(256)] public string? Email { get; set; }

    /// <summary>Password (at least 10 characters with a digit and a lower-case letter).</summary>
    [Required, StringLength(200), DataType(DataType.Password)] public string? Password { get; set; }
}

/// <summary>Registration: creates the account and signs it in with a cookie.</summary>
[EnableRateLimiting(Accounts.AuthLimit)]
public sealed class RegisterModel(UserManager<IdentityUser> users) : PageModel
{
    [BindProperty] public CredentialsForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var user = new IdentityUser { UserName = Input.Email, Email = Input.Email };
        var result = await users.CreateAsync(user, Input.Password!);
        // A taken address is answered as a new one is (nobody learns who has an account here); other problems are shown.
        var problems = result.Errors.Where(e => !AuthAnswers.IsTaken(e)).ToList();
        if (problems.Count > 0)
        {
            foreach (var e in problems)
                ModelState.AddModelError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", e.Description);
            return Page();
        }

        TempData["Message"] = "Registered: sign in with your address and password, then set up your profile (your sex and age or birth date decide your targets).";
        return Redirect("/account/login?returnUrl=%2Faccount");
    }
}
