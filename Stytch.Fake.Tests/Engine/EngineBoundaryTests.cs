using System.Reflection;
using Stytch.Fake.Engine;

namespace Stytch.Fake.Tests.Engine;

/// <summary>The engine never sees HTTP, JSON or WireMock: nothing in Stytch.Fake.Engine refers to them.</summary>
public sealed class EngineBoundaryTests
{
    private const string EngineNamespace = "Stytch.Fake.Engine";

    private static readonly string[] Forbidden =
    [
        "WireMock", "System.Net.Http", "System.Text.Json", "Microsoft.AspNetCore",
        "Stytch.Fake.Http", "Stytch.Fake.Admin", "Stytch.Fake.Tokens",
    ];

    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<Type> EngineTypes() =>
        typeof(ProjectState).Assembly.GetTypes().Where(t => t.Namespace == EngineNamespace);

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
    public void EngineTypes_InEngineNamespace_IncludeTheStateMachine()
    {
        Assert.That(EngineTypes().Select(t => t.Name), Is.SupersetOf(new[] { nameof(ProjectState), nameof(Outbox), nameof(StytchClock), nameof(StytchError) }));
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
        var root = Wire.WireShapes.RepoRoot();
        if (root is null)
        {
            Assert.Fail("The repository sources are not next to the test binaries.");
        }

        var files = Directory.GetFiles(Path.Combine(root!.FullName, "Stytch.Fake", "Engine"), "*.cs", SearchOption.AllDirectories);
        var offences = files
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (File: Path.GetFileName(file), Line: i + 1, Text: line.Trim())))
            .Where(l => l.Text.StartsWith("using ", StringComparison.Ordinal) || l.Text.StartsWith("global using ", StringComparison.Ordinal))
            .Where(l => Forbidden.Any(f => l.Text.Contains(f, StringComparison.Ordinal)))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();

        Assert.That(files, Is.Not.Empty);
        Assert.That(offences, Is.Empty);
    }

    [Test]
    public void EngineSources_Code_NamesNoHttpJsonWireMockOrOuterLayers()
    {
        var root = Wire.WireShapes.RepoRoot();
        if (root is null)
        {
            Assert.Fail("The repository sources are not next to the test binaries.");
        }

        var files = Directory.GetFiles(Path.Combine(root!.FullName, "Stytch.Fake", "Engine"), "*.cs", SearchOption.AllDirectories);
        var offences = files
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (File: Path.GetFileName(file), Line: i + 1, Text: line.Trim())))
            .Where(l => !l.Text.StartsWith("//", StringComparison.Ordinal))
            .Where(l => Forbidden.Any(f => l.Text.Contains(f, StringComparison.Ordinal)))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
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
    }
}
