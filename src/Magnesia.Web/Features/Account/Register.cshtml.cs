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
public sealed class RegisterModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, IConfiguration configuration) : PageModel
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
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", e.Description);
            return Page();
        }

        if (Accounts.IsListedAdministrator(configuration, Input.Email))
            await users.AddToRoleAsync(user, Accounts.AdministratorRole);
        await signIn.SignInAsync(user, isPersistent: true);
        TempData["Message"] = "Welcome. Set up your profile: your sex and age (or birth date) decide your targets.";
        return Redirect("/account");
    }
}
