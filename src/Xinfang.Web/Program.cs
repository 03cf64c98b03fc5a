using System.Runtime;
using Xinfang.Web.Hosting;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseStaticWebAssets();
builder.AddXinfangDatabase();
builder.AddXinfangAccounts();
builder.AddXinfangWeb();
builder.AddXinfangTransport();
builder.AddXinfangFeatures();

var app = builder.Build();
if (Cli.IsCommand(args))
{
    return await Cli.RunAsync(app, args);
}

// jieba's dictionaries take seconds to load: now, beside migrating, rather than in the first registration's transaction.
var warming = Task.Run(Segmenter.Warm);
await DatabaseInitializer.InitializeAsync(app.Services);
await warming;

// Migrating and seeding (the organisation tree, the calendars, the first administrator's password hash) allocate more
// than a running server ever holds again. Collect once, compacting, so that the memory goes back before serving.
GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

app.UseXinfangTransport();
app.UseExceptionHandler();
app.UseXinfangStatusPages();
app.UseSecurityHeaders();
app.UseApiBodyLimit();
app.UseInputText();
app.UseXinfangDocsUi();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseTokenRevocation();
app.UseAuthorization();
app.UseForcedPasswordChange();

app.MapStaticAssets().AllowAnonymous(); // the login page needs its styles before anyone has signed in
app.MapRazorPages();
app.MapXinfangApi();
app.MapXinfangDocs();
await app.RunAsync();
return 0;
