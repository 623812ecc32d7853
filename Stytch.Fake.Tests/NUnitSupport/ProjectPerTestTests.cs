using Stytch.Fake.NUnit;

namespace Stytch.Fake.Tests.NUnitSupport;

// With ProjectPerTest, Project outside a test must not quietly become the shared default project.
public sealed class ProjectPerTestTests : StytchFakeTest
{
    private Exception? _inOneTimeSetUp;

    protected override bool ProjectPerTest => true;

    [OneTimeSetUp]
    public void ReadProjectBeforeAnyTest()
    {
        try
        {
            _ = Project;
        }
        catch (InvalidOperationException e)
        {
            _inOneTimeSetUp = e;
        }
    }

    [Test]
    public void Project_InOneTimeSetUp_ThrowsWithAClearMessage()
    {
        Assert.That(_inOneTimeSetUp, Is.InstanceOf<InvalidOperationException>()
            .With.Message.Contains("ProjectPerTest is on").And.Message.Contains("Stytch.DefaultProject"));
    }

    [Test]
    public async Task Project_OnAThreadWithoutTheTestsContext_Throws()
    {
        Task<Exception?> attempt;
        using (ExecutionContext.SuppressFlow())
        {
            attempt = Task.Run(() =>
            {
                try
                {
                    _ = Project;
                    return null;
                }
                catch (InvalidOperationException e)
                {
                    return (Exception?)e;
                }
            });
        }

        Assert.That(await attempt, Is.InstanceOf<InvalidOperationException>());
    }

    [Test]
    public void Project_InsideTheTest_IsTheTestsOwnProject()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Project, Is.Not.SameAs(Stytch.DefaultProject));
            Assert.That(Stytch.FindProject(Project.ProjectId), Is.SameAs(Project));
        });
    }
}
