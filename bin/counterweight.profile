# Template: Maven copies this to target/counterweight.profile with the profile of the build (pom.xml, resources).
${counterweight.profile}
