// Run by examples-it after `mvn verify exec:exec`: the example opened its session file.
def log = new File(basedir, 'build.log').text
assert log =~ /session file: .*quickstart\.session \(created\)/
assert log.contains('jgram read as module dev.jgram')
assert log.contains('not logged in yet: data centre 2')
