// Run by examples-it after `mvn verify exec:exec@session exec:exec@bot`: the example opened
// its session file as a named module, and logged a bot into the test cluster.
def log = new File(basedir, 'build.log').text
assert log =~ /session file: .*quickstart\.session \(created\)/
assert log.contains('jgram read as module dev.jgram')
assert log.contains('not logged in yet: data centre 2')
assert log.contains('getMe: id 7000001, bot true, @example_bot, home DC 2')
assert !log.contains('AAE-example-token')
