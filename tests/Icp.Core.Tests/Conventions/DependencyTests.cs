using System.Reflection;

namespace Icp.Core.Tests.Conventions;

/// <summary>
/// Icp.Core stays a pure library: no console, database, web or file-format packages. Allowed beyond the framework:
/// YamlDotNet (profiles) and F23.StringSimilarity (Jaro-Winkler for company-name dedupe; pure string algorithms).
/// </summary>
public sealed class DependencyTests
{
    private static readonly string[] Allowed = ["System.", "Microsoft.Win32.Primitives", "netstandard", "YamlDotNet", "F23.StringSimilarity"];

    [Fact]
    public void Core_references_only_the_framework_YamlDotNet_and_string_similarity()
    {
        var references = typeof(Icp.Core.Profiles.Profile).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var unexpected = references.Where(name => !Allowed.Any(prefix => name == prefix || name.StartsWith(prefix, StringComparison.Ordinal))).ToList();
        Assert.Empty(unexpected);
        Assert.Contains("YamlDotNet", references);
    }

    [Fact]
    public void Core_does_not_touch_the_console()
    {
        var core = typeof(Icp.Core.Profiles.Profile).Assembly;
        var consoleUsers = core.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.GetMethodBody() is not null && UsesConsole(m))
            .Select(m => $"{m.DeclaringType?.Name}.{m.Name}")
            .ToList();
        Assert.Empty(consoleUsers);
    }

    /// <summary>Scans the IL for call tokens that resolve to <see cref="Console"/> members.</summary>
    private static bool UsesConsole(MethodInfo method)
    {
        var il = method.GetMethodBody()!.GetILAsByteArray()!;
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] is not (0x28 or 0x6F)) continue; // call, callvirt
            var token = BitConverter.ToInt32(il, i + 1);
            try
            {
                if (method.Module.ResolveMethod(token, method.DeclaringType?.GetGenericArguments(), method.GetGenericArguments())?.DeclaringType == typeof(Console))
                    return true;
            }
            catch (ArgumentException) { }
            catch (BadImageFormatException) { }
        }
        return false;
    }
}
