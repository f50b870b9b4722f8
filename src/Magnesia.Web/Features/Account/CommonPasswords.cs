using Microsoft.AspNetCore.Identity;

namespace Magnesia.Web.Features.Account;

/// <summary>
/// Refuses passwords that guessing lists try first, besides Identity's length rule: a listed password
/// (<c>Data/common-passwords.txt</c>, with its sources), a listed word with digits or symbols after it
/// (<c>password12</c>), one character repeated, an ascending or descending run (<c>abcdefghij</c>, <c>9876543210</c>),
/// or the account's own address.
/// </summary>
public sealed class CommonPasswords : IPasswordValidator<IdentityUser>
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    /// <summary>The error code of a refused password.</summary>
    public const string Code = "PasswordTooCommon";

    /// <inheritdoc />
    public Task<IdentityResult> ValidateAsync(UserManager<IdentityUser> manager, IdentityUser user, string? password) =>
        Task.FromResult(IsCommon(password ?? "", user?.Email)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = "This password is one of the most common ones, which are guessed first; choose another (a few unrelated words work well)." })
            : IdentityResult.Success);

    /// <summary>Whether <paramref name="password"/> is too common (see the class remarks).</summary>
    public static bool IsCommon(string password, string? email = null)
    {
        ArgumentNullException.ThrowIfNull(password);
        var p = password.Trim().ToLowerInvariant();
        if (p.Length == 0 || List.Value.Contains(p))
            return true;
        var stem = p.TrimEnd("0123456789!@#$%^&*()-_=+.?~ ".ToCharArray());
        if (stem.Length == 0 || List.Value.Contains(stem))
            return true;
        var lead = p.TrimStart("0123456789!@#$%^&*()-_=+.?~ ".ToCharArray());
        if (List.Value.Contains(lead))
            return true;
        if (p.All(c => c == p[0]) || IsRun(p, 1) || IsRun(p, -1))
            return true;
        return email is { Length: > 0 } && (string.Equals(p, email, StringComparison.OrdinalIgnoreCase) || (email.Split('@')[0].ToLowerInvariant() is { Length: >= 4 } local && stem == local));
    }

    private static bool IsRun(string p, int step)
    {
        for (var i = 1; i < p.Length; i++)
        {
            if (p[i] - p[i - 1] != step)
                return false;
        }

        return true;
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Magnesia.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("the common-password list is not embedded");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
                set.Add(line.Trim());
        }

        return set;
    }
}
