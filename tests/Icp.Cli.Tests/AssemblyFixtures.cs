using Icp.TestSupport;

// One throw-away PostgreSQL cluster for every command test that scores a table in place.
[assembly: AssemblyFixture(typeof(PostgresServer))]
