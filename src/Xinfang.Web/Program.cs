using Xinfang.Web.Data.Seed;
using Xinfang.Web.Features;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseStaticWebAssets();
builder.AddXinfangDatabase();
builder.AddXinfangAccounts();
builder.AddXinfangWeb();
builder.AddXinfangFeatures();

var app = builder.Build();
if (Cli.IsCommand(args))
{
    return await Cli.RunAsync(app, args);
}

await DatabaseInitializer.InitializeAsync(app.Services);

app.UseExceptionHandler();
app.UseXinfangStatusPages();
app.UseSecurityHeaders();
app.UseApiBodyLimit();
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
