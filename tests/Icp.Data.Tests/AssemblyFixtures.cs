using Icp.TestSupport;

// One throw-away PostgreSQL cluster for every test of this assembly that needs a real server.
[assembly: AssemblyFixture(typeof(PostgresServer))]
