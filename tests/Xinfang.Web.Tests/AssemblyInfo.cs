using Xinfang.Web.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(SharedApps))]
[assembly: AssemblyFixture(typeof(GeneratedApps))]
