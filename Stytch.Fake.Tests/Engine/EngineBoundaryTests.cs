using System.Reflection;
using System.Text.RegularExpressions;
using Stytch.Fake.Core;
using Stytch.Fake.Products.Consumer;

namespace Stytch.Fake.Tests.Engine;

/// <summary>
/// The engine never sees HTTP, JSON or WireMock: nothing in Core/ or a product's engine part (a folder under Products/
/// outside its Wire/) refers to them, whether its types live in <c>Stytch.Fake.Core</c>, a
/// <c>Stytch.Fake.Products.*</c> namespace or (the public ones) in <c>Stytch.Fake</c>.
/// </summary>
public sealed partial class EngineBoundaryTests
{
    private const string CoreNamespace = "Stytch.Fake.Core";
    private const string ProductsNamespace = "Stytch.Fake.Products";

    private static readonly string[] Forbidden =
    [
        "WireMock", "System.Net.Http", "System.Text.Json", "Microsoft.AspNetCore",
        "Stytch.Fake.Http", "Stytch.Fake.Tokens",
    ];

    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static Assembly Library => typeof(ProjectStore).Assembly;

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespacePattern();

    // A top-level declaration: at the start of a line, after its modifiers; its generic parameters give its arity.
    [GeneratedRegex(@"^(?:(?:public|internal|static|sealed|abstract|partial|readonly|file)\s+)*(?:record\s+struct|record\s+class|class|record|struct|interface|enum)\s+(\w+)(<[^>]+>)?", RegexOptions.Multiline)]
    private static partial Regex DeclarationPattern();

    /// <summary>True for a namespace of the engine: Core or a product's, but not a product's wire part.</summary>
    private static bool IsEngineNamespace(string? ns) =>
        ns is not null
        && (ns == CoreNamespace || ns.StartsWith(CoreNamespace + ".", StringComparison.Ordinal)
            || ((ns == ProductsNamespace || ns.StartsWith(ProductsNamespace + ".", StringComparison.Ordinal))
                && !ns.Split('.').Contains("Wire")));

    /// <summary>The engine's source files: Core/ and Products/, without any Wire/ folder.</summary>
    private static string[] EngineSources()
    {
        var root = Wire.WireShapes.RepoRoot() ?? throw new InvalidOperationException("The repository sources are not next to the test binaries.");
        var library = Path.Combine(root.FullName, "Stytch.Fake");
        return new[] { "Core", "Products" }
            .Select(folder => Path.Combine(library, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(file => !Path.GetRelativePath(library, file).Split(Path.DirectorySeparatorChar).Contains("Wire"))
            .ToArray();
    }

    /// <summary>Every top-level type declared in an engine source file, as (file, full metadata name).</summary>
    private static IEnumerable<(string File, string Name)> DeclaredInEngineSources() =>
        EngineSources().SelectMany(file =>
        {
            var text = File.ReadAllText(file);
            var ns = NamespacePattern().Match(text).Groups[1].Value;
            return DeclarationPattern().Matches(text).Select(m =>
            {
                var arity = m.Groups[2].Success ? m.Groups[2].Value.Count(c => c == ',') + 1 : 0;
                return (Path.GetFileName(file), $"{ns}.{m.Groups[1].Value}{(arity > 0 ? "`" + arity : "")}");
            });
        });

    /// <summary>The engine's types: those of its namespaces, and those declared in its sources whatever their namespace.</summary>
    private static IEnumerable<Type> EngineTypes()
    {
        var declared = DeclaredInEngineSources().Select(d => Library.GetType(d.Name)).OfType<Type>();
        var byNamespace = Library.GetTypes().Where(t => IsEngineNamespace(t.Namespace));
        // Nested and compiler-made types (lambdas' closures, state machines) are where method bodies' locals live.
        return declared.Concat(byNamespace)
            .SelectMany(t => new[] { t }.Concat(t.GetNestedTypes(Everything)))
            .Distinct();
    }

    private static bool IsForbidden(string? name) =>
        name is not null && Forbidden.Any(f => name == f || name.StartsWith(f + ".", StringComparison.Ordinal));

    /// <summary>The type, its element type and its generic arguments, recursively.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        yield return type;
        if (type.HasElementType && type.GetElementType() is { } element)
        {
            foreach (var t in Expand(element))
            {
                yield return t;
            }
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                foreach (var t in Expand(argument))
                {
                    yield return t;
                }
            }
        }
    }

    /// <summary>Every type an engine type mentions in its shape: bases, interfaces, fields, properties, events, signatures, locals.</summary>
    private static IEnumerable<(string Where, Type Type)> Referenced(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return ($"{type} base", baseType);
        }

        foreach (var i in type.GetInterfaces())
        {
            yield return ($"{type} interface", i);
        }

        foreach (var attribute in type.GetCustomAttributesData())
        {
            yield return ($"{type} attribute", attribute.AttributeType);
        }

        foreach (var field in type.GetFields(Everything))
        {
            yield return ($"{type}.{field.Name}", field.FieldType);
        }

        foreach (var property in type.GetProperties(Everything))
        {
            yield return ($"{type}.{property.Name}", property.PropertyType);
        }

        foreach (var e in type.GetEvents(Everything))
        {
            if (e.EventHandlerType is { } handler)
            {
                yield return ($"{type}.{e.Name}", handler);
            }
        }

        var methods = type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything));
        foreach (var method in methods)
        {
            if (method is MethodInfo info)
            {
                yield return ($"{type}.{method.Name} returns", info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return ($"{type}.{method.Name}({parameter.Name})", parameter.ParameterType);
            }

            if (method.GetMethodBody() is { } body)
            {
                foreach (var local in body.LocalVariables)
                {
                    yield return ($"{type}.{method.Name} local", local.LocalType);
                }
            }
        }
    }

    [Test]
    public void EngineSources_DeclaredTypes_AreAllFoundInTheAssembly()
    {
        var declared = DeclaredInEngineSources().ToList();

        var missing = declared.Where(d => Library.GetType(d.Name) is null).Select(d => $"{d.File}: {d.Name}").ToList();

        Assert.That(declared, Has.Count.GreaterThan(20));
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void EngineTypes_CoreProductsAndPublicOnes_IncludeTheStateMachine()
    {
        Assert.That(
            EngineTypes().Select(t => t.FullName),
            Is.SupersetOf(new[]
            {
                typeof(ProjectStore).FullName, typeof(OneTimeSecrets).FullName, typeof(ConsumerProducts).FullName, typeof(Fake.Products.Consumer.EmailOtp.EmailOtpService).FullName,
                typeof(Fake.Products.B2B.B2BProducts).FullName, typeof(Fake.Products.B2B.Organizations.OrganizationService).FullName,
                typeof(Fake.Products.B2B.Members.MemberService).FullName, typeof(Fake.Products.B2B.EmailOtp.B2BEmailOtpService).FullName,
                typeof(Fake.Products.B2B.Sessions.MemberSessionService).FullName, typeof(StytchMember).FullName, typeof(MemberSession).FullName,
                // Public types declared under Core/ and Products/ live in namespace Stytch.Fake.
                typeof(Outbox).FullName, typeof(StytchClock).FullName, typeof(StytchError).FullName,
                typeof(AuthenticationFactor).FullName, typeof(StytchSession).FullName, typeof(StytchOrganization).FullName,
            }));
    }

    [Test]
    public void EngineTypes_Shapes_ReferenceNoHttpJsonWireMockOrOuterLayers()
    {
        var offences = EngineTypes()
            .SelectMany(Referenced)
            .SelectMany(r => Expand(r.Type).Select(t => (r.Where, Type: t)))
            .Where(r => IsForbidden(r.Type.Namespace) || IsForbidden(r.Type.Assembly.GetName().Name))
            .Select(r => $"{r.Where}: {r.Type.FullName}")
            .Distinct()
            .ToList();

        Assert.That(offences, Is.Empty);
    }

    [Test]
    public void EngineSources_UsingDirectives_ImportNoHttpJsonWireMockOrOuterLayers()
    {
        var files = EngineSources();
        var offences = files
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (File: Path.GetFileName(file), Line: i + 1, Text: line.Trim())))
            .Where(l => l.Text.StartsWith("using ", StringComparison.Ordinal) || l.Text.StartsWith("global using ", StringComparison.Ordinal))
            .Where(l => Forbidden.Any(f => l.Text.Contains(f, StringComparison.Ordinal)) || IsWirePart(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();

        Assert.That(files, Is.Not.Empty);
        Assert.That(offences, Is.Empty);
    }

    [Test]
    public void EngineSources_Code_NamesNoHttpJsonWireMockOrOuterLayers()
    {
        var offences = EngineSources()
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (File: Path.GetFileName(file), Line: i + 1, Text: line.Trim())))
            .Where(l => !l.Text.StartsWith("//", StringComparison.Ordinal))
            .Where(l => Forbidden.Any(f => l.Text.Contains(f, StringComparison.Ordinal)))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();

        Assert.That(offences, Is.Empty);
    }

    [Test]
    public void EngineTypes_Shapes_ReferenceNoProductWirePart()
    {
        var offences = EngineTypes()
            .SelectMany(Referenced)
            .SelectMany(r => Expand(r.Type).Select(t => (r.Where, Type: t)))
            .Where(r => r.Type.Namespace?.StartsWith(ProductsNamespace + ".", StringComparison.Ordinal) == true && !IsEngineNamespace(r.Type.Namespace))
            .Select(r => $"{r.Where}: {r.Type.FullName}")
            .Distinct()
            .ToList();

        Assert.That(offences, Is.Empty);
    }

    [Test]
    public void BoundaryCheck_ForbiddenType_IsDetected()
    {
        // The check itself must catch a violation: an outer-layer type is flagged by the same predicate.
        var flagged = Expand(typeof(List<System.Text.Json.JsonDocument>))
            .Any(t => IsForbidden(t.Namespace) || IsForbidden(t.Assembly.GetName().Name));

        Assert.That(flagged, Is.True);
        Assert.That(IsForbidden(typeof(Stytch.Fake.StytchFake).Namespace), Is.False);
        Assert.That(IsEngineNamespace("Stytch.Fake.Products.Consumer.EmailOtp.Wire"), Is.False);
        Assert.That(IsEngineNamespace("Stytch.Fake.Products.Consumer.EmailOtp"), Is.True);
        Assert.That(IsWirePart("using Stytch.Fake.Products.B2B.Members.Wire;"), Is.True);
    }

    private static bool IsWirePart(string usingLine) =>
        usingLine.Contains(ProductsNamespace + ".", StringComparison.Ordinal) && usingLine.TrimEnd(';').Split('.').Contains("Wire");
}
