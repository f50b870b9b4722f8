using System.ComponentModel.DataAnnotations;
using Magnesia.Data;
using Magnesia.Data.Contracts;
using Magnesia.Data.Diary;
using Magnesia.Foods;
using Magnesia.Web.Features.Profile;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Magnesia.Web.Features.Account;

/// <summary>The change-password form.</summary>
public sealed class PasswordForm
{
    /// <summary>Current password.</summary>
    [Required, DataType(DataType.Password)] public string? Current { get; set; }

    /// <summary>New password.</summary>
    [Required, StringLength(200), DataType(DataType.Password)] public string? New { get; set; }
}

/// <summary>
/// The account: profile with life stage over time (pregnancy and lactation periods) and medications; export and import
/// (the CLI's JSON document); Cronometer import; password change; deleting the account and all its data.
/// </summary>
[Authorize]
public sealed class IndexModel(CurrentUser user, UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, Store store, TimeProvider clock, FoodCatalog catalog,
    IConfiguration configuration, ILoggerFactory logs) : PageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? AdministratorCode { get; set; }

    /// <summary>The name public comments show, when chosen.</summary>
    public string? Shown { get; private set; }

    /// <summary>Whether the address is listed as an administrator but not yet confirmed.</summary>
    public bool AdministratorToConfirm { get; private set; }

    [BindProperty] public ProfileRequest Profile { get; set; } = new();
    [BindProperty] public PasswordForm Password { get; set; } = new();
    [BindProperty] public string? DeletePassword { get; set; }

    public ProfileResponse? Saved { get; private set; }
    public string? Message { get; private set; }
    public string? Email { get; private set; }
    public CronometerImportResponse? Cronometer { get; private set; }
    public DiaryCounts? Counts { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        await LoadAsync(true, ct);
    }

    public async Task<IActionResult> OnPostProfileAsync(CancellationToken ct)
    {
        if (ModelState.KeepOnly("Profile"))
        {
            var (profile, problems) = ProfileApi.Check(Profile, user.Today);
            if (profile is not null)
            {
                await user.Diary.SetProfileAsync(profile, ct);
                TempData["Message"] = "Profile saved.";
                return RedirectToPage();
            }

            problems.CopyTo(ModelState, nameof(Profile));
        }

        await LoadAsync(false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDisplayNameAsync(CancellationToken ct)
    {
        ModelState.KeepOnly(nameof(DisplayName));
        if (await AccountIdentity.SaveDisplayNameAsync(user, users, DisplayName) is { } problem)
        {
            ModelState.AddModelError(nameof(DisplayName), problem);
            await LoadAsync(true, ct);
            return Page();
        }

        TempData["Message"] = "Display name saved: your comments show it.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAdministratorCodeAsync(CancellationToken ct)
    {
        ModelState.KeepOnly("");
        if (Accounts.IsListedAdministrator(configuration, user.Email))
        {
            await AccountIdentity.WriteCodeAsync(user, users, logs);
            TempData["Message"] = "A one-time code was written to the server's log: ask whoever runs the server for it, then enter it below.";
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAdministratorConfirmAsync(CancellationToken ct)
    {
        ModelState.KeepOnly(nameof(AdministratorCode));
        if (Accounts.IsListedAdministrator(configuration, user.Email) && await AccountIdentity.ConfirmAsync(user, users, AdministratorCode) is { } account)
        {
            await signIn.RefreshSignInAsync(account); // the new cookie carries the role
            TempData["Message"] = "Address confirmed: you are an administrator and may hide comments.";
            return RedirectToPage();
        }

        ModelState.AddModelError(nameof(AdministratorCode), "The code is not right or has expired; ask for a new one.");
        await LoadAsync(true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        if (ModelState.KeepOnly("Password"))
        {
            var account = (await users.GetUserAsync(User))!;
            var result = await users.ChangePasswordAsync(account, Password.Current!, Password.New!);
            if (result.Succeeded)
            {
                await signIn.RefreshSignInAsync(account);
                TempData["Message"] = "Password changed: every other session of this account is signed out.";
                return RedirectToPage();
            }

            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == "PasswordMismatch" ? "Password.Current" : "Password.New", e.Description);
        }

        await LoadAsync(true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        ModelState.KeepOnly("");
        if (await ReadAsync(file, "file", ct) is { } text)
        {
            try
            {
                await user.Diary.ImportAsync(text, file!.FileName, ct);
                TempData["Message"] = "Diary imported: it replaced what was here.";
                return RedirectToPage();
            }
            catch (DiaryImportException e)
            {
                ModelState.AddModelError("file", e.Message);
            }
        }

        await LoadAsync(true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCronometerAsync(IFormFile? servings, CancellationToken ct)
    {
        ModelState.KeepOnly("");
        if (await ReadAsync(servings, "servings", ct) is { } text)
        {
            try
            {
                Cronometer = await AccountData.ImportCronometerAsync(text, servings!.FileName, user, catalog, ct);
            }
            catch (DiaryImportException e)
            {
                ModelState.AddModelError("servings", e.Message);
            }
        }

        await LoadAsync(true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        ModelState.KeepOnly("DeletePassword");
        var account = (await users.GetUserAsync(User))!;
        if (string.IsNullOrEmpty(DeletePassword) || !await users.CheckPasswordAsync(account, DeletePassword))
        {
            ModelState.AddModelError(nameof(DeletePassword), "That is not this account's password; nothing was deleted.");
            await LoadAsync(true, ct);
            return Page();
        }

        await AccountData.DeleteDataAsync(user, store, clock, ct);
        await users.DeleteAsync(account);
        await signIn.SignOutAsync();
        return Redirect("/?deleted=1");
    }

    private async Task<string?> ReadAsync(IFormFile? file, string field, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(field, "choose a file.");
            return null;
        }

        if (file.Length > AccountApi.MaxImportBytes)
        {
            ModelState.AddModelError(field, $"the file is larger than {AccountApi.MaxImportBytes / 1024 / 1024} MiB.");
            return null;
        }

        using var reader = new StreamReader(file.OpenReadStream());
        return await reader.ReadToEndAsync(ct);
    }

    private async Task LoadAsync(bool fillForm, CancellationToken ct)
    {
        Email = User.Identity?.Name;
        Shown = await user.DisplayNameAsync();
        AdministratorToConfirm = Accounts.IsListedAdministrator(configuration, Email) && !user.IsAdministrator;
        Counts = await user.Diary.CountAsync(ct);
        if (await user.Diary.GetProfileAsync(ct) is { } p)
        {
            Saved = ProfileResponse.From(p, user.Today);
            if (fillForm)
            {
                Profile = new ProfileRequest
                {
                    Sex = p.Sex, BirthDate = Saved.BirthDate, AgeYears = Saved.BirthDate is null ? p.AgeOn(user.Today).Years : null, WeightKg = Saved.WeightKg,
                    Medications = [.. Saved.Medications],
                    Pregnancies = [.. Saved.Pregnancies.Select(x => new DateRangeRequest { From = x.From, To = x.To })],
                    Lactations = [.. Saved.Lactations.Select(x => new DateRangeRequest { From = x.From, To = x.To })],
                };
            }
        }

        // Room for one more period of each kind in the form.
        Profile.Pregnancies = [.. (Profile.Pregnancies ?? []).Where(x => x.From is not null || x.To is not null), new DateRangeRequest()];
        Profile.Lactations = [.. (Profile.Lactations ?? []).Where(x => x.From is not null || x.To is not null), new DateRangeRequest()];
    }
}
